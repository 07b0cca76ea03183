#!/usr/bin/env bash
# Runs the README's full test command N times, each in a fresh clone, with turbo's cache off, while a
# CPU-heavy busy loop runs beside it, to prove the suites do not depend on an idle machine.
#   scripts/soak-tests.sh [N=10] [ref=HEAD]
# Clones the committed state of this repository (commit first: uncommitted changes are not tested).
# Prints pass/fail per run and a summary; exits 1 if any run failed. Logs stay in $SOAK_DIR (a temp dir).
set -uo pipefail

runs="${1:-10}"
ref="${2:-HEAD}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/soak-tests.sh [N>=1] [git ref]" >&2
  exit 2
fi
repo="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
commit="$(git -C "$repo" rev-parse --verify "$ref^{commit}")" || exit 2
soak_dir="${SOAK_DIR:-$(mktemp -d -t qoder-soak-XXXXXX)}"
mkdir -p "$soak_dir"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false TURBO_FORCE=1

busy_pid=""
stop_busy() {
  if [[ -n "$busy_pid" ]]; then
    kill "$busy_pid" 2>/dev/null
    wait "$busy_pid" 2>/dev/null
    busy_pid=""
  fi
}
trap 'stop_busy; exit 130' INT TERM
trap stop_busy EXIT

echo "soak: $runs run(s) of commit ${commit:0:12}, logs in $soak_dir"
passed=0
failed=0
for ((i = 1; i <= runs; i++)); do
  clone="$soak_dir/run-$i"
  log="$soak_dir/run-$i.log"
  rm -rf "$clone"
  # One core kept busy for at most an hour (bounded even if this script is killed with SIGKILL).
  timeout 3600 node -e 'for (;;) {}' &
  busy_pid=$!
  started=$SECONDS
  if {
    git clone --quiet --no-local "$repo" "$clone" &&
      git -C "$clone" checkout --quiet --detach "$commit" &&
      cd "$clone" &&
      npx -y pnpm@12.4.2 install --frozen-lockfile &&
      npx -y pnpm@12.4.2 test
  } >"$log" 2>&1; then
    result=pass
    passed=$((passed + 1))
  else
    result=FAIL
    failed=$((failed + 1))
  fi
  cd "$repo" || exit 2
  stop_busy
  echo "run $i/$runs: $result in $((SECONDS - started)) s (log: $log)"
  if [[ "$result" == pass ]]; then rm -rf "$clone"; else grep -E "FAIL|✗|×|Error:|failed" "$log" | head -15 | sed 's/^/    /'; fi
done
echo "soak summary: $passed/$runs passed, $failed failed (commit ${commit:0:12}, TURBO_FORCE=1, one busy core beside)"
[[ "$failed" -eq 0 ]]
