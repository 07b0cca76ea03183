// Replaced with package.json's version when tsup builds and when vitest runs the sources (their `define`),
// so a release's version bump is the only place it is written.
declare const __CLIENT_VERSION__: string;
export const VERSION: string = __CLIENT_VERSION__;
