/**
 * Which files `docker build` would send as its context: .dockerignore read as
 * Docker reads it (https://docs.docker.com/build/concepts/context/#dockerignore-files):
 * one pattern a line, `#` comments, Go filepath.Match globs plus `**` for any
 * number of directories, a leading `!` re-includes, the last matching line
 * wins, and a pattern that matches a directory excludes everything under it.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Rule {
  pattern: string;
  re: RegExp;
  include: boolean;
}

/** A glob of one .dockerignore line as an anchored expression over '/'-separated paths. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        out += '(?:.*/)?';
      } else out += '.*';
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      out += end > i ? glob.slice(i, end + 1).replace(/^\[!/, '[^') : '\\[';
      if (end > i) i = end;
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export function parseDockerignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const include = line.startsWith('!');
    const pattern = path.posix
      .normalize(include ? line.slice(1).trim() : line)
      .replace(/^\/+/, '')
      .replace(/\/+$/, '');
    rules.push({ pattern, re: globToRegExp(pattern), include });
  }
  return rules;
}

/** True when `file` (relative, '/'-separated) is left out of the context. */
export function isExcluded(rules: Rule[], file: string): boolean {
  const parts = file.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let excluded = false;
  for (const r of rules) if (candidates.some((c) => r.re.test(c))) excluded = !r.include;
  return excluded;
}

/** Every file under `root` that the context would carry, relative and sorted. */
export function contextFiles(root: string): string[] {
  const ignore = path.join(root, '.dockerignore');
  const rules = fs.existsSync(ignore) ? parseDockerignore(fs.readFileSync(ignore, 'utf8')) : [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      // A directory is walked unless it is excluded and no `!` line could bring something back.
      if (e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(root, p)).isDirectory())) {
        const reopened = rules.some(
          (r) => r.include && (r.pattern.startsWith(`${p}/`) || r.pattern.startsWith('**')),
        );
        if (isExcluded(rules, p) && !reopened) continue;
        walk(p);
      } else if (!isExcluded(rules, p)) out.push(p);
    }
  };
  walk('');
  return out.sort();
}
