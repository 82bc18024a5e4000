/** The demo organization read with its people (test/fixtures/demo-people), as one snapshot. */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths, type IngestResult } from '../../ingest/pipeline.ts';

const fixtures = path.join(projectRoot, 'test', 'fixtures');
export const DEMO_PEOPLE_PATHS = [path.join(fixtures, 'demo-org'), path.join(fixtures, 'demo-people')];

export function ingestDemoWithPeople(driver: Driver, name: string): Promise<IngestResult> {
  return ingestPaths(driver, DEMO_PEOPLE_PATHS, { name });
}
