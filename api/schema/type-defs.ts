/**
 * The GraphQL schema of IAM Atlas, in SDL, one file per domain beside this one
 * (common, snapshots, organization, graph, reachability, escalation, trust,
 * findings, evaluation, reviews, people, plan-check, resources); each domain adds its fields to Query (and
 * reviews and plan-check to Mutation) with `extend type`, so the files are read in this
 * order and the schema lists its fields as it always has. `api/schema.graphql` is the whole schema as the running
 * server introspects it; test/api/queries.test.ts fails when they differ, and
 * `node --import tsx api/print-schema.ts > api/schema.graphql` rewrites it.
 * `npm run codegen` writes the TypeScript types of the schema and of the
 * page's queries from these files (codegen.ts).
 *
 * Names follow the graph: CAN_ASSUME is `canAssume`, CAN_ESCALATE_TO is
 * `canEscalateTo`. Every query takes an optional `snapshot` (id or name;
 * default: the latest complete snapshot).
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../db/paths.ts';

/** The domain files, in the order their Query fields are listed. */
export const SCHEMA_FILES = [
  'common',
  'snapshots',
  'organization',
  'graph',
  'reachability',
  'escalation',
  'trust',
  'overview',
  'findings',
  'evaluation',
  'reviews',
  'people',
  'plan-check',
  'resources',
].map((name) => path.join(projectRoot, 'api', 'schema', `${name}.graphql`));

export const typeDefs = SCHEMA_FILES.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
