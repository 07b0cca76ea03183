// One load phase of simulator-vs-prism.mjs, run by it as a fresh child process per phase: autocannon
// with the options given as JSON in argv[2]; prints autocannon's result as JSON on stdout.
// A generator kept in one process for every phase slowed down phase after phase (its kernel time per
// request tripled over six phases, with about a dozen page faults per request as its heap grew), which
// held back whichever server could answer faster than the generator asked: the simulator.
import autocannon from "autocannon";

const result = await autocannon(JSON.parse(process.argv[2]));
process.stdout.write(JSON.stringify(result));
