/**
 * The cost of an operation as it will run: graphql-armor's count (a scalar
 * costs 1, an object 2 plus 1.5 times what it selects, a list times its page
 * size), with the page size of every `first` resolved from the request's
 * variables or the field's default. graphql-armor counts only page sizes
 * written in the query, so `first: $n` or a left-out `first` would count as one
 * item; this count is made before execution, when the variables are known.
 */
import {
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Types are read by shape, not with graphql's type predicates: those test `instanceof`, and the
 * schema's classes may come from another copy of graphql (graphql-armor loads it as CommonJS).
 */
interface FieldDef {
  type: unknown;
  args: readonly { name: string; defaultValue?: unknown }[];
}
interface Composite {
  getFields?: () => Record<string, FieldDef>;
}

function namedType(t: unknown): Composite | undefined {
  let x = t as { ofType?: unknown } | undefined;
  while (x && x.ofType) x = x.ofType as { ofType?: unknown };
  return x as Composite | undefined;
}

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

function pageSize(
  field: FieldNode,
  def: { args: readonly { name: string; defaultValue?: unknown }[] } | undefined,
  variables: Record<string, unknown>,
): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  const value = (v: ValueNode | undefined): unknown =>
    v?.kind === Kind.INT ? Number(v.value) : v?.kind === Kind.VARIABLE ? variables[v.name.value] : undefined;
  const given = arg ? value(arg.value) : def?.args.find((a) => a.name === 'first')?.defaultValue;
  return typeof given === 'number' && Number.isFinite(given) && given > 1 ? given : 1;
}

/** The cost of the operation `operationName` (or the only one) of `doc` with `variables`. */
export function operationCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    if (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName))
      operation ??= d;
  }
  if (!operation) return 0;
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  const seen = new Set<string>();
  const selections = (set: SelectionSetNode, parent: Composite | undefined): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) total += DEPTH_FACTOR * field(sel, parent);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as Composite) : parent;
        total += selections(sel.selectionSet, t);
      } else {
        const f = fragments.get(sel.name.value);
        if (!f || seen.has(f.name.value)) continue; // a cycle is refused by validation anyway
        seen.add(f.name.value);
        total += selections(f.selectionSet, schema.getType(f.typeCondition.name.value) as Composite);
        seen.delete(f.name.value);
      }
    }
    return total;
  };
  const field = (node: FieldNode, parent: Composite | undefined): number => {
    if (!node.selectionSet) return SCALAR_COST;
    const def = parent?.getFields?.()[node.name.value];
    const inner = selections(node.selectionSet, def ? namedType(def.type) : undefined);
    return (OBJECT_COST + inner) * pageSize(node, def, variables);
  };
  let total = 0;
  for (const sel of operation.selectionSet.selections)
    if (sel.kind === Kind.FIELD && sel.name.value !== '__schema') total += field(sel, root as Composite);
  return total;
}

/** Per document (the server's parse cache hands out one per query text): its page-size variables and costs found. */
const known = new WeakMap<
  DocumentNode,
  { schema: GraphQLSchema; pageVariables: string[]; costs: Map<string, number> }
>();
/** Costs kept per document (one per operation name and set of page sizes given). */
const COSTS_KEPT = 64;

/**
 * operationCost, counted once per document, operation and page sizes: the cost
 * depends on the variables only through those that set a `first`.
 */
export function operationCostOnce(
  schema: GraphQLSchema,
  doc: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  let k = known.get(doc);
  if (!k || k.schema !== schema) {
    const pageVariables = new Set<string>();
    visit(doc, {
      [Kind.ARGUMENT]: (node) => {
        if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE)
          pageVariables.add(node.value.name.value);
      },
    });
    known.set(doc, (k = { schema, pageVariables: [...pageVariables], costs: new Map() }));
  }
  const key = JSON.stringify([operationName ?? null, ...k.pageVariables.map((v) => variables[v] ?? null)]);
  let cost = k.costs.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, doc, variables, operationName);
    if (k.costs.size >= COSTS_KEPT) k.costs.clear();
    k.costs.set(key, cost);
  }
  return cost;
}
