/**
 * `iamatlas query ...`: questions about a loaded snapshot, answered by the
 * query layer in query/ (the same functions the GraphQL API calls). One
 * subcommand per file beside this one, each with a pure `render`: human text
 * by default; `--json` prints the query function's result as is.
 */
import type { Command } from 'commander';
import type { WithDriver } from './common.ts';
import * as canAccess from './can-access.ts';
import * as canAssume from './can-assume.ts';
import * as escalations from './escalations.ts';
import * as externalAccess from './external-access.ts';
import * as findings from './findings.ts';
import * as paths from './paths.ts';
import * as peopleWhoCanReach from './people-who-can-reach.ts';
import * as personReach from './person-reach.ts';
import * as reachable from './reachable.ts';
import * as simulate from './simulate.ts';
import * as whoCanAssume from './who-can-assume.ts';
import * as whoCanAccess from './who-can-access.ts';
import * as whoCan from './who-can.ts';

/** In the order `query --help` lists them. */
const SUBCOMMANDS = [
  canAssume,
  simulate,
  whoCan,
  whoCanAssume,
  reachable,
  paths,
  escalations,
  peopleWhoCanReach,
  personReach,
  whoCanAccess,
  canAccess,
  findings,
  externalAccess,
];

export function registerQueryCommands(program: Command, withDriver: WithDriver): void {
  const query = program
    .command('query')
    .description(
      'Ask questions about a snapshot: who can assume what, paths, simulations, who can access resources, findings',
    );
  for (const c of SUBCOMMANDS) c.register(query, withDriver);
}
