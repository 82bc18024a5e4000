import { existsSync, readFileSync } from 'node:fs';
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

  it('reads the resources of four accounts, as its README lists them', async () => {
    const { model, files } = await readSnapshot([demo]);
    expect(files.filter((f) => f.kind === 'resources')).toHaveLength(4);
    const resources = model.resources ?? [];
    const count = (type: string) => resources.filter((r) => r.type === type).length;
    expect(resources).toHaveLength(14);
    expect([count('s3-bucket'), count('kms-key'), count('sqs-queue'), count('sns-topic')]).toEqual([
      4, 2, 3, 1,
    ]);
    expect([count('secretsmanager-secret'), count('lambda-function'), count('ec2-instance')]).toEqual([
      1, 1, 1,
    ]);
    expect(count('ecr-repository')).toBe(1);
    // The one resource marked sensitive (tag iamatlas:sensitive), the payments key in prod.
    expect(resources.filter((r) => r.sensitive).map((r) => r.arn)).toEqual([
      'arn:aws:kms:eu-west-1:444444444444:key/0b7e4c1a-3d2f-4e5a-8b9c-1d2e3f4a5b6c',
    ]);
    // Prod's account-level Block Public Access covers the bucket whose policy is public.
    const assets = resources.find((r) => r.name === 'orders-web-assets-prod');
    expect(assets?.policy).toMatchObject({ Statement: [{ Principal: '*' }] });
    expect(assets?.settings.accountPublicAccessBlock).toMatchObject({ RestrictPublicBuckets: true });
    expect(assets?.settings.publicAccessBlock).toBeUndefined();
    const site = resources.find((r) => r.name === 'atlas-demo-docs-site');
    expect(site?.settings.accountPublicAccessBlock?.RestrictPublicBuckets).toBe(false);
    expect(site?.settings.publicAccessBlock?.RestrictPublicBuckets).toBe(false);
    // Resources that run as roles, for the escalation methods that need an existing resource.
    const roleOf = (name: string) => resources.find((r) => r.name === name)?.settings;
    expect(roleOf('payments-processor')?.roleArn).toBe(
      'arn:aws:iam::444444444444:role/app/payments-processor',
    );
    expect(roleOf('i-0a1b2c3d4e5f67890')?.instanceProfileArn).toBe(
      'arn:aws:iam::444444444444:instance-profile/orders-web-ec2',
    );
  });

  it('the expected file names every resource of the demo once, as the resources files hold them', async () => {
    const { model } = await readSnapshot([demo]);
    const expected = JSON.parse(readFileSync(`${demo}-expected.json`, 'utf8')) as {
      resourceExposures: { resource: string; sensitive?: boolean; runsAs?: string[] }[];
    };
    const listed = expected.resourceExposures.map((e) => e.resource);
    expect([...listed].sort()).toEqual((model.resources ?? []).map((r) => r.arn).sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const e of expected.resourceExposures) {
      const r = model.resources?.find((x) => x.arn === e.resource);
      expect(r?.sensitive, e.resource).toBe(e.sensitive === true);
      if (e.runsAs !== undefined)
        expect(model.roles.map((x) => x.arn)).toEqual(expect.arrayContaining(e.runsAs));
    }
  });
});
