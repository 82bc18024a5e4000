// The scale benchmark as a script of its own: what bench/bundled.ts bundles and runs.
import { run } from './scale.ts';

await run(process.argv.slice(2));
