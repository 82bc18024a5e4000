/**
 * `npm run bench -- NAME [options]`: benchmarks print numbers; they are not tests.
 * Each benchmark is a module with a `run(args)` export.
 */
const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  ingest: () => import('./ingest.ts'),
  analyze: () => import('./analyze.ts'),
  escalate: () => import('./escalate.ts'),
  escalations: () => import('./escalations.ts'),
  api: () => import('./api.ts'),
  'api-ab': () => import('./api-ab.ts'),
  'api-inproc': () => import('./api-inproc.ts'),
  ui: () => import('./ui.ts'),
  'who-can': () => import('./who-can.ts'),
  soak: () => import('./soak.ts'),
  scale: () => import('./scale.ts'),
  collect: () => import('./collect.ts'),
  'plan-check': () => import('./plan-check.ts'),
  resources: () => import('./resources.ts'),
  pmapper: () => import('./pmapper.ts'),
};

const [name, ...args] = process.argv.slice(2);
if (!name || !benches[name]) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]\n`);
  process.exit(2);
}
const mod = await benches[name]!();
await mod.run(args);
