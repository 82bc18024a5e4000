import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from './index.ts';

const demo = fileURLToPath(new URL('../../test/fixtures/demo-org', import.meta.url));

// The sample organization is what `iamatlas demo` loads; it must read without a single complaint.
describe.skipIf(!existsSync(demo))('the demo organization', () => {
  it('reads cleanly: no problems, no warnings, every file recognised', async () => {
    const { model, warnings, files } = await readSnapshot([demo]);
    expect(warnings).toEqual([]);
    expect(files.filter((f) => f.kind === 'unknown' || f.kind === 'skipped')).toEqual([]);
    expect(model.organization).toBeDefined();
    expect(model.accounts.every((a) => a.inOrganization)).toBe(true);
  });
});
