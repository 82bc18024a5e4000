/**
 * ArnEquals, ArnLike, ArnNotEquals, ArnNotLike. AWS documents ArnEquals and
 * ArnLike as the same test: each of the six ARN parts compared on its own,
 * case-sensitive, with `*` and `?` wildcards — the Resource element's rules.
 */
import { arnTester } from '../policy/resource.ts';
import type { OperatorDef } from './operator.ts';

export const arnOperators: readonly OperatorDef[] = [
  { name: 'ArnEquals', negated: false, variables: true, compile: arnTester },
  { name: 'ArnLike', negated: false, variables: true, compile: arnTester },
  { name: 'ArnNotEquals', negated: true, variables: true, compile: arnTester },
  { name: 'ArnNotLike', negated: true, variables: true, compile: arnTester },
];
