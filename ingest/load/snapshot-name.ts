/**
 * Snapshot names. A snapshot is found by id or by name, so a name that looks
 * like an id (`snap-…`) could stand in for another snapshot; such names are
 * refused, and a reference that is some snapshot's id always means that one.
 */
const ID_LIKE = /^snap-/i;

/** Why `name` cannot name a snapshot, or undefined when it can. */
export function snapshotNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'a snapshot name must not be empty';
  if (name.length > 200) return 'a snapshot name is at most 200 characters';
  if (ID_LIKE.test(name))
    return `the snapshot name "${name}" starts with "snap-", as snapshot ids do, and could be taken for one; choose another name`;
  return undefined;
}
