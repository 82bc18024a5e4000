import { runScript } from './code-cache.mjs';
const r = runScript('/tmp/cli-cache-scratch/imp.cjs', '/tmp/cli-cache-scratch/imp-cache/x.v8');
console.log('cache used', r.cacheUsed);
try {
  console.log(await r.exports.f());
} catch (e) {
  console.log('ERR', e.message);
}
r.save(true);
