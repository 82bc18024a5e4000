// Types of the start-up module (bin/start.mjs), for the TypeScript code that tests it.
export declare const DIST: string;
export declare const BUNDLED_PACKAGES: string[];
/** The bundled Neo4j driver's send buffer: the file changed, the text in it and what replaces it. */
export declare const DRIVER_CHUNK: { file: RegExp; from: string; to: string };
/** The bundled Neo4j driver joining a message's chunks: the file changed, the text in it and what replaces it. */
export declare const DRIVER_MESSAGE: { file: RegExp; from: string; to: string };
/** The build's change to the driver's packing of strings: written straight into the chunk. */
export declare const DRIVER_STRING: { file: RegExp; from: string; to: string };
/** The build's change to the driver's packing of integers that fit in 32 bits. */
export declare const DRIVER_INTEGER: { file: RegExp; from: string; to: string };
/** The build's change to the driver's reading of one byte of an answer: by index. */
export declare const DRIVER_BYTE: { file: RegExp; from: string; to: string };
export declare function cacheName(argv: string[]): string;
export declare function withPackageImports(text: string, packages: string[]): string;
export declare function dynamicPackageImports(metafile: import('esbuild').Metafile): string[];
export declare function cliBuildOptions(outdir: string): import('esbuild').BuildOptions & { metafile: true };
export declare function currentBuild(dist?: string): string | undefined;
export declare function buildIsFresh(dist?: string): boolean;
export declare function buildCli(dist?: string): Promise<string>;
export declare function runCli(argv: string[]): Promise<number>;
