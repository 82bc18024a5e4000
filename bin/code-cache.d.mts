// Types of the code cache module (bin/code-cache.mjs), for the TypeScript code that tests it.
export declare const SCRIPT_START: string;
export declare const SCRIPT_END: string;
export declare function readCache(
  file: string,
  source: Buffer,
): { data: Buffer; succeeded: boolean } | undefined;
export declare function writeCache(file: string, source: Buffer, data: Buffer, succeeded: boolean): boolean;
export declare function runScript(
  file: string,
  cacheFile: string,
): { exports: Record<string, unknown>; cacheUsed: boolean; save: (succeeded: boolean) => boolean };
export declare const IMPORT: string;
