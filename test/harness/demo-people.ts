/** The demo organization read with its people (test/fixtures/demo-people), as one snapshot: what `iamatlas demo` loads. */
import type { Driver } from 'neo4j-driver';
import { DEMO_PATHS } from '../../cli/main.ts';
import { ingestPaths, type IngestResult } from '../../ingest/pipeline.ts';

export function ingestDemoWithPeople(driver: Driver, name: string): Promise<IngestResult> {
  return ingestPaths(driver, DEMO_PATHS, { name });
}
