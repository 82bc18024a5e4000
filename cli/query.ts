/** `iamatlas query ...`: questions about a loaded snapshot. */
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';

export type WithDriver = <T>(fn: (driver: Driver) => Promise<T>) => Promise<T>;

export function registerQueryCommands(program: Command, _withDriver: WithDriver): void {
  program.command('query').description('Ask questions about a snapshot (see `iamatlas query --help`)');
}
