/**
 * How a run shows its progress: on a terminal, one bar per account in flight
 * (cli-progress); otherwise one plain line when an account starts and one
 * when it ends, so a log file stays readable.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { AccountEntry } from './types.ts';

export const ACCOUNT_STEPS = [
  'assume role',
  'authorization details',
  'providers',
  'credential report',
  'identity center',
  'resources',
  'write',
] as const;
export type AccountStep = (typeof ACCOUNT_STEPS)[number];

export interface CollectProgress {
  /** A message for the person running the command (never holds credentials). */
  log(line: string): void;
  accountStart(accountId: string, label: string): void;
  accountStep(accountId: string, step: AccountStep, detail?: string): void;
  accountEnd(entry: AccountEntry): void;
  stop(): void;
}

export function outcomeLine(entry: AccountEntry): string {
  const calls = Object.values(entry.apiCalls).reduce((a, b) => a + b, 0);
  const name = entry.name ? ` (${entry.name})` : '';
  if (entry.status === 'ok') return `${entry.accountId}${name}: ok, ${calls} API calls`;
  if (entry.status === 'failed') return `${entry.accountId}${name}: FAILED: ${entry.error ?? ''}`;
  return `${entry.accountId}${name}: skipped: ${entry.reason ?? ''}`;
}

export function plainProgress(write: (line: string) => void): CollectProgress {
  return {
    log: write,
    accountStart: (id, label) => write(`${id}${label ? ` (${label})` : ''}: collecting`),
    accountStep: () => {},
    accountEnd: (entry) => write(outcomeLine(entry)),
    stop: () => {},
  };
}

export function terminalProgress(stream: NodeJS.WriteStream): CollectProgress {
  const multi = new MultiBar(
    {
      format: '  {account} |{bar}| {step}',
      stream,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  return {
    log: (line) => multi.log(line + '\n'),
    accountStart(id, label) {
      const account = `${id} ${label}`.slice(0, 36).padEnd(36);
      bars.set(id, multi.create(ACCOUNT_STEPS.length, 0, { account, step: 'starting' }));
    },
    accountStep(id, step, detail) {
      bars.get(id)?.update(ACCOUNT_STEPS.indexOf(step), { step: detail ? `${step} ${detail}` : step });
    },
    accountEnd(entry) {
      const bar = bars.get(entry.accountId);
      if (bar) {
        bar.update(ACCOUNT_STEPS.length, { step: entry.status });
        bar.stop();
        multi.remove(bar);
        bars.delete(entry.accountId);
      }
      multi.log(outcomeLine(entry) + '\n');
    },
    stop: () => multi.stop(),
  };
}
