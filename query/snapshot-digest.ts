/**
 * A digest of one snapshot's graph: every node (labels and properties) and
 * every relationship (type, the keys of its ends, properties), each written as
 * canonical JSON, sorted, and hashed with SHA-256, per node label and per
 * relationship type and as a whole. Two loads of the same input give the same
 * digest however the loader batches, orders or creates what it writes; a
 * change in any property shows up, and the part that changed is named.
 * Relationships are digested as reads see them, their shared evidence put back
 * (query/shared-evidence.ts); the texts themselves are one more part,
 * `table:EvidenceText`.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';

export interface GraphDigest {
  /** SHA-256 over every part's digest, in part order. */
  digest: string;
  /** Per part (`node:LABELS` or `rel:TYPE`): how many, and their SHA-256. */
  parts: Record<string, { count: number; sha256: string }>;
}

/** Canonical JSON: keys sorted, Neo4j integers as numbers, the snapshot id left out. */
function canonical(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      if (k === 'snapshotId') continue;
      out[k] = canonical((value as Record<string, unknown>)[k]);
    }
    return out;
  }
  return value;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function snapshotDigest(driver: Driver, snapshotId: string): Promise<GraphDigest> {
  const lines = new Map<string, string[]>();
  const add = (part: string, line: string) => {
    const list = lines.get(part);
    if (list) list.push(line);
    else lines.set(part, [line]);
  };
  const nodes = await driver.executeQuery(statement('snapshots/digest', 'digest-nodes'), { snapshotId });
  for (const r of nodes.records) {
    const labels = (r.get('labels') as string[]).filter((l) => l !== 'AtlasNode').sort();
    add(`node:${labels.join(':')}`, JSON.stringify(canonical(r.get('props'))));
  }
  const rels = await driver.executeQuery(statement('snapshots/digest', 'digest-relationships'), {
    snapshotId,
  });
  await resolveSharedEvidence(
    driver,
    snapshotId,
    rels.records.map((r) => r.get('props') as Record<string, unknown>),
  );
  for (const r of rels.records) {
    const line = JSON.stringify([r.get('from'), r.get('to'), canonical(r.get('props'))]);
    add(`rel:${r.get('type') as string}`, line);
  }
  const texts = await driver.executeQuery(statement('snapshots/digest', 'digest-evidence-texts'), {
    snapshotId,
  });
  for (const r of texts.records) add('table:EvidenceText', JSON.stringify(r.get('text')));
  const parts: GraphDigest['parts'] = {};
  for (const part of [...lines.keys()].sort()) {
    const list = lines.get(part)!.sort();
    parts[part] = { count: list.length, sha256: sha256(list.join('\n')) };
  }
  const digest = sha256(
    Object.entries(parts)
      .map(([p, d]) => `${p} ${d.count} ${d.sha256}`)
      .join('\n'),
  );
  return { digest, parts };
}
