/** `iamatlas query escalations`: privilege-escalation paths to admin or to a chosen principal, shortest first. */
import type { Command } from 'commander';
import type { EscalationHop, EscalationResult } from '../../query/escalation.ts';
import { CliError, EXIT } from '../output.ts';
import { conditionText, hopsWord, jsonText, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { argSchemas, run, type WithDriver } from './common.ts';
import { reachOptions, type ReachOpts } from './options.ts';
import { reachArgs } from './reach.ts';

type Opts = ReachOpts & { from?: string; to: string; includeAssumeOnly?: boolean };

export async function parse(opts: Opts) {
  const { escalationsArgs } = await argSchemas();
  const args = reachArgs(escalationsArgs, opts, {
    ...(opts.from !== undefined ? { from: opts.from } : {}),
    to: opts.to,
    ...(opts.includeAssumeOnly ? { includeAssumeOnly: true } : {}),
  });
  if (args.to !== 'admin' && !/^arn:aws[\w-]*:iam::\d{12}:(user|role)\//.test(args.to))
    throw new CliError(
      `--to must be admin or a user/role ARN such as arn:aws:iam::111111111111:role/name (got "${args.to}")`,
      EXIT.usage,
    );
  return args;
}

/** What the human text says besides the paths: the request. */
export interface EscalationsRequest {
  from?: string;
  to: string;
  maxHops: number;
}

export function render(
  results: EscalationResult[],
  { json, snapshot, request }: RenderOptions & { request: EscalationsRequest },
): string | Iterable<string> {
  if (json) return jsonPieces(results);
  const label = snapshotLabel(snapshot);
  if (results.length === 0)
    return text([
      `No escalation path${request.from ? ` from ${request.from}` : ''} to ${request.to} within ${hopsWord(request.maxHops)} (snapshot ${label}).`,
    ]);
  const out = [`${results.length} escalation path(s) to ${request.to} (snapshot ${label}):`];
  for (const r of results) {
    out.push(`${r.from}  ${hopsWord(r.length)}${r.conditional ? ', conditional' : ''}`);
    for (const h of r.hops) {
      for (const c of h.chain)
        out.push(`    first ${c.method} (${c.actions.join(', ')}) on ${c.modifies}, then`);
      out.push(`    → ${h.to}  (${h.method}: ${h.actions.join(', ')})${conditionText(h.conditions)}`);
    }
  }
  return text(out);
}

/**
 * `--json`: the text of `JSON.stringify(results, null, 2)` and a newline, in pieces of about
 * `pieceChars` characters, written as they are made. Hops that paths share (the same object)
 * are stringified once: a listing takes each edge in many paths.
 */
const HOPS = '\u0000hops';
const HOPS_TEXT = JSON.stringify(HOPS);

export function* jsonPieces(results: readonly EscalationResult[], pieceChars = 1 << 16): Generator<string> {
  if (results.length === 0) {
    yield jsonText(results);
    return;
  }
  const hopText = new Map<EscalationHop, string>();
  // A hop sits three levels deep (the list, a result, its hops): stringified inside three lists,
  // it comes out indented as it is printed, between the lists' openings and closings.
  const textOf = (hop: EscalationHop): string => {
    let t = hopText.get(hop);
    if (t === undefined) hopText.set(hop, (t = JSON.stringify([[[hop]]], null, 2).slice(12, -12)));
    return t;
  };
  let piece = '[\n';
  for (let i = 0; i < results.length; i++) {
    const { hops, ...rest } = results[i]!;
    // The result without its hops, as an element of the list (indented one level, as
    // jsonText prints it), then its hops' texts in the place their stand-in took.
    const shell = JSON.stringify([{ ...rest, hops: HOPS }], null, 2).slice(2, -2);
    const at = shell.lastIndexOf(HOPS_TEXT);
    piece +=
      shell.slice(0, at) +
      (hops.length === 0 ? '[]' : `[\n${hops.map(textOf).join(',\n')}\n    ]`) +
      shell.slice(at + HOPS_TEXT.length) +
      (i < results.length - 1 ? ',\n' : '\n');
    if (piece.length >= pieceChars) {
      yield piece;
      piece = '';
    }
  }
  yield piece + ']\n';
}

export function register(query: Command, withDriver: WithDriver): void {
  reachOptions(
    query
      .command('escalations')
      .description(
        'Privilege-escalation paths (CAN_ESCALATE_TO and CAN_ASSUME) to admin or to a chosen principal, shortest first',
      )
      .option(
        '--from <arn>',
        'where the paths start; then plain role-assumption chains to an administrator are listed too',
      )
      .option('--to <arn|admin>', 'a principal ARN, or admin (default)', 'admin')
      .option(
        '--include-assume-only',
        'without --from: also principals that reach an administrator only by assuming roles, and those plain chains',
      )
      .addHelpText(
        'after',
        [
          '',
          'Without --from, the sources are the principals an escalation-to-admin finding names, and only paths that',
          'use at least one CAN_ESCALATE_TO edge are listed: a principal that reaches an administrator just by',
          'assuming roles it is trusted to assume has that access by design (see query reachable-from) and is left',
          'out. --include-assume-only adds those principals and their plain role-assumption chains.',
          'With --from, every path is listed, plain role-assumption chains included.',
        ].join('\n'),
      ),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    const request = { ...(args.from ? { from: args.from } : {}), to: args.to, maxHops: args.maxHops };
    await run(
      withDriver,
      opts,
      // The text does not print the hops' evidence: only JSON reads it.
      (q, driver, s) => q.escalations(driver, s.id, args, { evidence: opts.json === true }),
      (r, o) => render(r, { ...o, request }),
      () => import('../../query/escalation.ts'),
    );
  });
}
