/** Answers kept while the page is open: one per document, variables and snapshot; a failed one is asked again next time. */
import { gql } from './api.ts';
import { state } from './url-state.ts';

const answers = new Map<string, Promise<unknown>>();

export function once<T, V extends Record<string, unknown>>(doc: string, vars: V): Promise<T> {
  const all = { ...vars, snap: state().snap ?? null };
  const key = `${doc}\n${JSON.stringify(all)}`;
  let p = answers.get(key) as Promise<T> | undefined;
  if (!p) {
    p = gql<T>(doc, all);
    answers.set(key, p);
    p.catch(() => answers.delete(key));
  }
  return p;
}
