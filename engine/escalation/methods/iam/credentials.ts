/** Shared shape of the "new credentials for another user" methods (M12–M15). */
import type { PrincipalContext } from '../../../trust/context.ts';
import type { EscalationContext } from '../../context.ts';
import type { EscalationEdge, EscalationMethod } from '../../types.ts';
import { resourceOf } from '../shared.ts';

export function userCredentialMethod(
  def: Omit<EscalationMethod, 'find' | 'phase' | 'gains' | 'actions'> & {
    action: string;
    /** What the method relies on that the snapshot cannot show, given what else the source may do. */
    caveat: (
      ctx: EscalationContext,
      source: PrincipalContext,
      target: PrincipalContext,
    ) => string | undefined;
  },
): EscalationMethod {
  const method: EscalationMethod = {
    id: def.id,
    title: def.title,
    catalogIds: def.catalogIds,
    sources: def.sources,
    actions: [def.action],
    gains: 'principal',
    phase: 1,
    find(ctx) {
      const edges: EscalationEdge[] = [];
      for (const source of ctx.sources) {
        if (!ctx.mayAllow(source, def.action)) continue;
        const users = ctx.usersOf(source.accountId).filter((u) => u.key !== source.key);
        for (const target of ctx.matchTargets(source, def.action, users, (u) => u.key)) {
          const grant = ctx.check(source, def.action, resourceOf(ctx, target));
          if (!grant) continue;
          const caveat = def.caveat(ctx, source, target);
          edges.push(
            ctx.edge(source, target.key, method, 'principal', [grant], caveat ? { caveats: [caveat] } : {}),
          );
        }
      }
      return edges;
    },
  };
  return method;
}
