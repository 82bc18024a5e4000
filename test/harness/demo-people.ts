/** The demo organization read with its people (test/fixtures/demo-people), as one snapshot. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths, type IngestResult } from '../../ingest/pipeline.ts';

const fixtures = path.join(projectRoot, 'test', 'fixtures');
export const DEMO_PEOPLE_PATHS = [path.join(fixtures, 'demo-org'), path.join(fixtures, 'demo-people')];

export function ingestDemoWithPeople(driver: Driver, name: string): Promise<IngestResult> {
  return ingestPaths(driver, DEMO_PEOPLE_PATHS, { name });
}

/** The Identity Center file of the demo people, as its JSON reads (only what tests change is typed). */
export interface DemoIdentityCenter {
  Instances: {
    GroupMemberships: {
      IdentityStoreId: string;
      MembershipId: string;
      GroupId: string;
      MemberId: { UserId: string };
    }[];
    AccountAssignments: {
      AccountId: string;
      PermissionSetArn: string;
      PrincipalType: string;
      PrincipalId: string;
    }[];
  }[];
}

/**
 * The demo organization with its people, the Identity Center file changed by `change`: the
 * people's files are copied to a temp folder, changed there, loaded as one snapshot, and removed.
 */
export async function ingestDemoWithPeopleChanged(
  driver: Driver,
  name: string,
  change: (ic: DemoIdentityCenter) => void,
): Promise<IngestResult> {
  const src = DEMO_PEOPLE_PATHS[1]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-people-'));
  try {
    for (const file of fs.readdirSync(src)) fs.copyFileSync(path.join(src, file), path.join(dir, file));
    const icFile = path.join(dir, '111111111111.identity-center.json');
    const ic = JSON.parse(fs.readFileSync(icFile, 'utf8')) as DemoIdentityCenter;
    change(ic);
    fs.writeFileSync(icFile, JSON.stringify(ic, null, 2));
    return await ingestPaths(driver, [DEMO_PEOPLE_PATHS[0]!, dir], { name });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
