// Types of coverage.mjs, for the tests that import it (test/coverage.test.ts).

/** The markers around the generated table in the root README. */
export declare const START: string;
export declare const END: string;
/** Packages whose description states the operation count (`… N operations …`). */
export declare const DESCRIBED: string[];

export interface CoveredOperation {
  method: string;
  path: string;
  sdkMethod: unknown;
}

/** Operations of the bundle by tag, in the order of the contract's `tags`. */
export declare function coverage(spec: object): { byTag: Map<string, CoveredOperation[]>; total: number };

/** The README region (markers included) generated from the bundle. */
export declare function readmeRegion(spec: object): string;

/** Problems of the README and the package descriptions against the bundle (empty when all agree). */
export declare function problems(
  spec: object,
  files?: { readme: string; descriptions: Record<string, string | undefined> },
): string[];
