/** `iamatlas start`: the demo organization loaded (as `demo` does), then the API and the page served. */
import type { Command } from 'commander';
import { addServeOptions, serve, type ServeOptions } from '../serve.ts';
import type { WithDriver } from './common.ts';
import { loadDemo } from './demo.ts';
import { printIngest } from './ingest.ts';

export function register(program: Command, withDriver: WithDriver): void {
  addServeOptions(
    program
      .command('start')
      .description('Load the demo organization (as `demo` does), then serve the API and the page'),
  ).action(async (opts: ServeOptions) => {
    await withDriver(async (driver) => {
      printIngest(await loadDemo(driver));
      await serve(driver, opts);
    });
  });
}
