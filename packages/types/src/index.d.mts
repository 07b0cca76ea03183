// ESM entry of the types: the same declarations as index.d.ts (written once there, format-neutral).
export type * from "./index.js";
