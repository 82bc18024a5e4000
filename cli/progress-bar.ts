/** The progress bar `progress` (output.ts) shows on a terminal. */
import { Presets, SingleBar } from 'cli-progress';
import type { Progress } from './output.ts';

export function progressBar(): Progress {
  const bar = new SingleBar(
    {
      format: '  {label} |{bar}| {value}/{total}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let current = '';
  return {
    update(label, done, total) {
      if (label !== current) {
        if (current) bar.stop();
        bar.start(Math.max(total, 1), done, { label: label.padEnd(24) });
        current = label;
      } else bar.update(done, { label: label.padEnd(24) });
    },
    stop() {
      if (current) bar.stop();
      current = '';
    },
  };
}
