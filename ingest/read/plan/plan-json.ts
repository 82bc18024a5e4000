/**
 * The envelope of Terraform's JSON plan (`terraform show -json PLANFILE`), as
 * documented in "JSON Output Format"
 * (https://developer.hashicorp.com/terraform/internals/json-format): only the
 * parts plan-check reads, validated with zod; unknown properties are ignored,
 * as the format's compatibility rule asks.
 */
import * as z from 'zod';

const changeSchema = z.looseObject({
  actions: z.array(z.string()).min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
});

export const resourceChangeSchema = z.looseObject({
  address: z.string().min(1),
  module_address: z.string().optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string(),
  index: z.union([z.string(), z.number()]).optional(),
  provider_name: z.string().optional(),
  change: changeSchema,
});
export type ResourceChange = z.infer<typeof resourceChangeSchema>;

const expressionSchema = z.unknown();

export interface ConfigResource {
  address: string;
  type: string;
  mode: string;
  expressions: Record<string, unknown>;
  providerConfigKey?: string;
}

const configResourceSchema = z.looseObject({
  address: z.string(),
  mode: z.string(),
  type: z.string(),
  provider_config_key: z.string().optional(),
  expressions: z.record(z.string(), expressionSchema).optional(),
});

export interface ConfigModule {
  resources?: z.infer<typeof configResourceSchema>[];
  module_calls?: Record<string, { module?: ConfigModule }>;
}

const configModuleSchema: z.ZodType<ConfigModule> = z.lazy(() =>
  z.looseObject({
    resources: z.array(configResourceSchema).optional(),
    module_calls: z.record(z.string(), z.looseObject({ module: configModuleSchema.optional() })).optional(),
  }),
);

const stateResourceSchema = z.looseObject({
  address: z.string(),
  mode: z.string(),
  type: z.string(),
  values: z.record(z.string(), z.unknown()).optional(),
});

export interface StateModule {
  resources?: z.infer<typeof stateResourceSchema>[];
  child_modules?: StateModule[];
}

const stateModuleSchema: z.ZodType<StateModule> = z.lazy(() =>
  z.looseObject({
    resources: z.array(stateResourceSchema).optional(),
    child_modules: z.array(stateModuleSchema).optional(),
  }),
);

export const planSchema = z.looseObject({
  format_version: z.string().regex(/^\d+\.\d+$/, 'a version such as "1.2"'),
  terraform_version: z.string().optional(),
  resource_changes: z.array(resourceChangeSchema).optional(),
  planned_values: z.looseObject({ root_module: stateModuleSchema.optional() }).optional(),
  prior_state: z
    .looseObject({ values: z.looseObject({ root_module: stateModuleSchema.optional() }).optional() })
    .optional(),
  variables: z.record(z.string(), z.looseObject({ value: z.unknown() })).optional(),
  configuration: z
    .looseObject({
      provider_config: z
        .record(
          z.string(),
          z.looseObject({
            name: z.string().optional(),
            expressions: z.record(z.string(), z.unknown()).optional(),
          }),
        )
        .optional(),
      root_module: configModuleSchema.optional(),
    })
    .optional(),
});
export type PlanJson = z.infer<typeof planSchema>;

/** Every configured resource, by its module-qualified address without instance keys. */
export function configResources(plan: PlanJson): Map<string, ConfigResource> {
  const out = new Map<string, ConfigResource>();
  const walk = (mod: ConfigModule | undefined, prefix: string): void => {
    for (const r of mod?.resources ?? []) {
      const address = prefix + r.address;
      out.set(address, {
        address,
        type: r.type,
        mode: r.mode,
        expressions: r.expressions ?? {},
        providerConfigKey: r.provider_config_key,
      });
    }
    for (const [name, call] of Object.entries(mod?.module_calls ?? {}))
      walk(call.module, `${prefix}module.${name}.`);
  };
  walk(plan.configuration?.root_module, '');
  return out;
}

/** Every resource of a state or planned-values tree, child modules included. */
export function stateResources(mod: StateModule | undefined): z.infer<typeof stateResourceSchema>[] {
  if (!mod) return [];
  return [...(mod.resources ?? []), ...(mod.child_modules ?? []).flatMap(stateResources)];
}

/** `module.a["x"].aws_iam_role.r[0]` → `module.a.aws_iam_role.r`: the address configuration uses. */
export function configAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}

/** The module path of an address (`module.a.module.b.`), '' at the root. */
export function modulePrefix(address: string): string {
  const bare = configAddress(address);
  const m = /^((?:module\.[^.]+\.)*)/.exec(bare);
  return m?.[1] ?? '';
}
