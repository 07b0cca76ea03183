export declare const START: string;
export declare const END: string;
export declare const readmePath: string;
export declare function renderPreferTables(spec: unknown): string;
export declare function readmeWithTables(readme: string, spec: unknown): string;
