/** How commands talk to people and to scripts: human text by default, JSON with --json. */
/** Exit codes that mean something to scripts. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  badInput: 3,
  database: 4,
  notFound: 5,
  /** collect: some accounts failed (each is named, and recorded in manifest.json). */
  collectIncomplete: 6,
  /** plan-check: the change breaks a --fail-on rule (the report is printed in full first). */
  gateFailed: 10,
  interrupted: 130,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}

/** Messages about what is happening go to stderr, so stdout stays clean for --json. */
export const say = (line: string): void => {
  process.stderr.write(line + '\n');
};

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export interface Progress {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

/** A bar on a terminal (its module loaded then); plain lines (at most one per label and ~10%) otherwise. */
export async function progress(enabled = true): Promise<Progress> {
  if (!enabled) return { update() {}, stop() {} };
  if (process.stderr.isTTY) return (await import('./progress-bar.ts')).progressBar();
  // Without a terminal: one line when a step ends, and quarter marks for long steps.
  let lastLabel = '';
  let lastQuarter = 0;
  return {
    update(label, done, total) {
      if (label !== lastLabel) {
        lastLabel = label;
        lastQuarter = 0;
      }
      if (done >= total) {
        say(`  ${label}: ${done}/${total} done`);
        lastQuarter = 4;
        return;
      }
      const quarter = Math.floor((done / Math.max(total, 1)) * 4);
      if (total >= 4000 && quarter > lastQuarter) {
        say(`  ${label}: ${done}/${total}`);
        lastQuarter = quarter;
      }
    },
    stop() {},
  };
}
