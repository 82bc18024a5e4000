/**
 * Which files make up the input: paths given directly, plus the files of
 * folders given (one level deep, the way `aws ... > folder/file.json` leaves
 * them). Nothing in a folder is passed over without being listed.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { InputProblem } from './problems.ts';

export interface InputEntry {
  path: string;
  /** Set when the entry is listed but not read, with the reason. */
  skip?: string;
  /** A folder's README: listed as documentation, neither read nor warned about. */
  documentation?: boolean;
  /**
   * The manifest.json `iamatlas collect` writes beside the exports (docs/collect.md):
   * a record of the run, not an export. Listed, neither read nor warned about.
   */
  collected?: boolean;
}

const COLLECT_MANIFEST = 'manifest.json';

export async function listInputs(paths: readonly string[], problems: InputProblem[]): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: InputEntry): void => {
    // The same file named twice (directly and through its folder) is one input, not a duplicate export.
    const key = resolve(entry.path);
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(entry);
  };

  if (paths.length === 0) {
    problems.push({
      file: '',
      jsonPath: '',
      message: 'no input paths were given',
      expected: 'files or folders of AWS exports',
    });
  }
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({
        file: path,
        jsonPath: '',
        message: code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code ?? String(error)})`,
      });
      continue;
    }
    if (!info.isDirectory()) {
      add({ path });
      continue;
    }
    const children = await readdir(path, { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const childPath = join(path, child.name);
      if (child.isDirectory())
        add({ path: childPath, skip: 'a folder inside a folder; pass it as its own path to read it' });
      else if (child.name.startsWith('.')) add({ path: childPath, skip: 'a hidden file' });
      else if (/^readme(\.(md|txt))?$/i.test(child.name)) add({ path: childPath, documentation: true });
      else if (child.name === COLLECT_MANIFEST) add({ path: childPath, collected: true });
      else add({ path: childPath });
    }
  }
  if (paths.length > 0 && entries.length === 0 && problems.length === 0) {
    problems.push({
      file: paths.join(', '),
      jsonPath: '',
      message: 'holds no files',
      expected: 'AWS export files',
    });
  }
  return entries;
}

export function isJsonName(path: string): boolean {
  return /\.json$/i.test(basename(path));
}
