/**
 * GraphQL Code Generator (https://the-guild.dev/graphql/codegen): TypeScript
 * types of the schema (api/schema/*.graphql) for the resolvers, and of every
 * document the page sends (written out by ui/documents.ts), checked against the
 * schema. `npm run codegen` writes them; `npm run codegen:check` (CI) fails
 * when the files checked in are not what it writes.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'api/schema/*.graphql',
  documents: 'ui/src/generated/documents.graphql',
  overwrite: true,
  generates: {
    'api/schema/generated/types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../../context.ts#ApiContext',
        // Parents are the plain objects the resolvers return; their fields resolve by name.
        defaultMapper: 'Partial<{T}>',
        avoidOptionals: false,
        enumsAsTypes: true,
      },
    },
    'ui/src/generated/operations.ts': {
      plugins: ['typescript-operations'],
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
