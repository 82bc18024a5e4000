/**
 * The snapshot's reference date: the newest date found in the export itself
 * (creation dates, policy versions and updates, role last use). The export
 * cannot have been taken before it, so "a request made on or after the
 * reference date" covers every request since the export. GetAccountAuthorizationDetails
 * carries no export time of its own
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html),
 * and the ingest time can be long after the export, so neither is used. The
 * same snapshot always gives the same date, never the clock's.
 */
import type { SnapshotModel } from './model.ts';

/** The newest date in the snapshot data (ISO 8601), or undefined when it has none. */
export function snapshotReferenceDate(model: SnapshotModel): string | undefined {
  let best = Number.NEGATIVE_INFINITY;
  let bestText: string | undefined;
  const see = (value: string | undefined): void => {
    if (!value) return;
    const t = Date.parse(value);
    if (Number.isFinite(t) && t > best) {
      best = t;
      bestText = value;
    }
  };
  for (const u of model.users) see(u.createDate);
  for (const g of model.groups) see(g.createDate);
  for (const r of model.roles) {
    see(r.createDate);
    see(r.lastUsed?.lastUsedDate);
  }
  for (const p of model.policies) {
    see(p.createDate);
    see(p.updateDate);
    for (const v of p.versions) see(v.createDate);
  }
  for (const ip of model.instanceProfiles) see(ip.createDate);
  for (const idp of model.identityProviders) see(idp.createDate);
  return bestText === undefined ? undefined : new Date(best).toISOString();
}
