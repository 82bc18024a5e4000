/**
 * Policy documents with the same text become one object in the model. An
 * organization repeats documents widely (the same trust policy on every role
 * an Identity Center permission set or a pipeline creates, the same inline
 * policy on each of them); the evaluator parses a document once per object
 * (engine/policy/parse.ts), so one object per text means one parse and one set
 * of compiled matchers, however many roles carry it.
 *
 * Documents are compared by their JSON text, so two documents share an object
 * only when they read exactly alike (key order included); nothing that would
 * change a decision, a statement's evidence or a stored property is merged.
 * The model's documents are never mutated after reading, which this relies on.
 */
import type { PolicyDocumentJson, SnapshotModel } from '../../engine/model.ts';

/** Replaces, in place, every policy document of the model by the first one read with the same text. */
export function shareDocuments(model: SnapshotModel): void {
  const byText = new Map<string, PolicyDocumentJson>();
  const shared = (document: PolicyDocumentJson): PolicyDocumentJson => {
    const text = JSON.stringify(document);
    const first = byText.get(text);
    if (first !== undefined) return first;
    byText.set(text, document);
    return document;
  };
  for (const owner of [...model.users, ...model.groups, ...model.roles])
    for (const inline of owner.inlinePolicies) inline.document = shared(inline.document);
  for (const role of model.roles) role.trustPolicy = shared(role.trustPolicy);
  for (const policy of model.policies)
    for (const version of policy.versions) version.document = shared(version.document);
  for (const policy of model.organization?.policies ?? []) policy.document = shared(policy.document);
  for (const resource of model.resources ?? [])
    if (resource.policy !== undefined) resource.policy = shared(resource.policy);
}
