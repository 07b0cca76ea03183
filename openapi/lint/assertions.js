// Custom assertions for the configurable `rule/…` rules in redocly.yaml, used there as `qoder/<name>`.

/**
 * `requireAny: [example, examples]` counts `examples: {}` as an example though it shows none: this fails
 * a node whose `examples` map is empty (or not a map). A node without `examples` is left to requireAny.
 */
export function nonEmptyExamples(_keys, enabled, { node, baseLocation }) {
  const examples = node?.examples;
  if (enabled === false || examples === undefined) return [];
  if (examples !== null && typeof examples === "object" && Object.keys(examples).length > 0) return [];
  return [
    { message: "`examples` must name at least one example", location: baseLocation.child(["examples"]) },
  ];
}
