/** M11: delete (or replace) the permissions boundary that is all that keeps a principal from being an administrator. */
import type { EscalationEdge, EscalationMethod } from '../../types.ts';
import { boundaryRemoval, controlledInAccount } from '../shared.ts';
import { adminTarget } from '../../types.ts';

export const deletePermissionsBoundary: EscalationMethod = {
  id: 'iam-delete-permissions-boundary',
  title: 'Remove or replace the permissions boundary of a principal one controls',
  actions: [
    'iam:DeleteUserPermissionsBoundary',
    'iam:PutUserPermissionsBoundary',
    'iam:DeleteRolePermissionsBoundary',
    'iam:PutRolePermissionsBoundary',
  ],
  catalogIds: ['M11'],
  sources: ['Hacking The Cloud (via the catalog)', 'AWS IAM User Guide: permissions boundaries'],
  gains: 'admin',
  phase: 2,
  find(ctx) {
    const edges: EscalationEdge[] = [];
    for (const source of ctx.sources) {
      if (!deletePermissionsBoundary.actions.some((a) => ctx.mayAllow(source, a))) continue;
      for (const target of controlledInAccount(ctx, source)) {
        const p = target.principal;
        if (!p.boundary) continue;
        const removal = boundaryRemoval(ctx, source, p);
        if (!removal) continue;
        if (!ctx.wouldBeAdmin(p, { dropBoundary: true })) continue;
        const extra: Parameters<typeof ctx.edge>[5] = {
          conditions: target.conditions,
          evidence: target.evidence,
          actions: target.hopActions,
          modifies: p.boundary.id,
        };
        if (p.key !== source.key) extra.via = p.key;
        edges.push(
          ctx.edge(source, adminTarget(p.accountId), deletePermissionsBoundary, 'admin', [removal], extra),
        );
      }
    }
    return edges;
  },
};
