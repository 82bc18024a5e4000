/** Privilege escalation: CAN_ESCALATE_TO edges, admin verdicts, paths to admin, escalation findings. */
export {
  analyseEscalation,
  type EscalationAnalysis,
  type EscalationOptions,
  type EscalationStats,
} from './escalate.ts';
export { fullAccessCheck } from './admin.ts';
export { ADMIN_PROBES } from './probes.ts';
export { EscalationContext, type Grant } from './context.ts';
export { ALL_METHODS, EXISTING_RESOURCE_METHODS, IAM_METHODS, PASSROLE_METHODS } from './methods/index.ts';
export {
  EscalationGraph,
  type EscalationPath,
  type GraphOptions,
  type HopKind,
  type PathGoal,
  type PathHop,
} from './paths.ts';
export {
  describeHop,
  ESCALATION_FINDING_KIND,
  escalationFindings,
  severityOf,
  type EscalationFindingOptions,
} from './findings.ts';
export {
  adminAccountOf,
  adminTarget,
  isAdminTarget,
  type AdminInfo,
  type AdminKind,
  type AdminTarget,
  type EscalationEdge,
  type EscalationMethod,
} from './types.ts';
