// Loaded into the mocks by the benchmark only (node --expose-gc --import): on SIGUSR2, a full garbage
// collection, then the process's memory on stderr, so that the benchmark can tell memory the simulator
// keeps from garbage V8 has not collected yet.
process.on("SIGUSR2", () => {
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  process.stderr.write(`bench-memory ${JSON.stringify({ rss, heapUsed })}\n`);
});
