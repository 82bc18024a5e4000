/**
 * A Vite plugin that type-checks the page before it is built: the TypeScript
 * compiler over ui/src with the project's compiler options (tsconfig.json).
 * The page's answers are typed by its GraphQL documents (ui/src/generated/,
 * `npm run codegen`), so a use of a field the documents do not select, or the
 * schema does not have, fails the build as it fails `npx tsc --noEmit`.
 */
import path from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/** The compiler's complaints about the page's sources, one formatted message each; none when it compiles. */
export function pageTypeErrors(projectRoot: string): string[] {
  const configFile = path.join(projectRoot, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  if (read.error) return [ts.flattenDiagnosticMessageText(read.error.messageText, '\n')];
  const config = ts.parseJsonConfigFileContent(read.config, ts.sys, projectRoot, undefined, configFile);
  const pageDir = path.join(projectRoot, 'ui', 'src') + path.sep;
  const files = config.fileNames.filter((f) => path.resolve(f).startsWith(pageDir));
  const program = ts.createProgram(files, config.options);
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => projectRoot,
    getNewLine: () => '\n',
  };
  return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host).trimEnd());
}

/** Fails the build, naming each file, line and complaint, when the page does not type-check. */
export function pageTypes(projectRoot: string): Plugin {
  return {
    name: 'iamatlas-page-types',
    apply: 'build',
    buildStart() {
      const errors = pageTypeErrors(projectRoot);
      if (errors.length)
        this.error(
          `The page does not type-check against its generated GraphQL types (run npm run codegen after changing ui/src/queries.ts or the schema):\n${errors.join('\n')}`,
        );
    },
  };
}
