/** `iamatlas snapshots list|delete|diff`: the loaded snapshots (diff in snapshots-diff.ts). */
import type { Command } from 'commander';
import { SnapshotNotFound } from '../../ingest/load/errors.ts';
import type { SnapshotInfo } from '../../ingest/load/snapshots.ts';
import { printJson, say } from '../output.ts';
import { text } from '../render.ts';
import type { WithDriver } from './common.ts';
import * as diff from './snapshots-diff.ts';

/** One line per snapshot: id, name, when, and how many accounts, roles and users it holds. */
export function renderList(list: readonly SnapshotInfo[]): string {
  return text(
    list.map((s) => {
      const n = s.counts?.nodes ?? {};
      return `${s.id}  ${s.name.padEnd(20)}  ${s.createdAt}  ${n.Account ?? 0} accounts, ${n.Role ?? 0} roles, ${n.User ?? 0} users`;
    }),
  );
}

/** The snapshots each ref names (by id or name, a name may name several); a ref naming none is an error. */
export function pickSnapshots(all: readonly SnapshotInfo[], refs: readonly string[]): SnapshotInfo[] {
  return refs.flatMap((ref) => {
    const found = all.filter((s) => s.id === ref || s.name === ref);
    if (found.length === 0) throw new SnapshotNotFound(`No snapshot with id or name "${ref}".`);
    return found;
  });
}

/** The snapshot store, loaded when a snapshots command runs (not when any command starts). */
const store = () => import('../../ingest/load/snapshots.ts');

export function register(program: Command, withDriver: WithDriver): void {
  const snapshots = program.command('snapshots').description('List, delete and compare loaded snapshots');
  snapshots
    .command('list')
    .description('List complete snapshots, newest first')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      // The list comes with the check that runs before every listing (dead loads removed first).
      await withDriver(
        async (_driver, checked) => {
          const list = (await checked).snapshots ?? [];
          if (opts.json) return printJson(list);
          if (list.length === 0)
            return say('No snapshots yet. Run `iamatlas ingest PATH` or `iamatlas demo`.');
          process.stdout.write(renderList(list));
        },
        // The text names no input files; --json gives them.
        { listSnapshots: { sources: opts.json === true } },
      );
    });
  snapshots
    .command('delete')
    .description('Delete snapshots by id or name')
    .argument('<refs...>', 'snapshot ids or names')
    .option('--json', 'print what was deleted as JSON')
    .action(async (refs: string[], opts: { json?: boolean }) => {
      await withDriver(
        async (driver, checked) => {
          const { deleteSnapshotData } = await store();
          const targets = pickSnapshots((await checked).snapshots ?? [], refs);
          const deleted: string[] = [];
          for (const s of targets) {
            await deleteSnapshotData(driver, s.id);
            deleted.push(s.id);
            if (!opts.json) say(`Deleted ${s.id} (${s.name}).`);
          }
          if (opts.json) printJson({ deleted });
        },
        { listSnapshots: { sources: false } },
      );
    });
  diff.register(snapshots, withDriver);
}
