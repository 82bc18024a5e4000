/**
 * Escalation analysis time and memory (CAN_ESCALATE_TO, admin detection and
 * escalation findings) on the demo organization and generated organizations.
 * `npm run bench -- escalate [--roles 1000,10000,100000]`.
 */
import { run as runAnalysis } from './analyze.ts';

export const run = (args: string[]): Promise<void> => runAnalysis(args, 'escalate');
