// The table columns a list's selection needs (issue 9): a page read past Prisma's client reads
// only those, not every column of every row (a page of 25 cases read whole was 18 KB of JSON for
// the five columns the list shows, and parsing it was most of the request's cost).
import {
  Kind,
  isObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * The columns each field of an object type reads, from Pothos' own field metadata: an exposed
 * column (`t.expose…`) is its column, a field declaring `select: { a: true, b: true }` reads those,
 * the node's global `id` reads `idColumn`, `__typename` nothing. A field declaring neither (or
 * selecting a relation) is unknown: null, and the caller reads the whole row.
 */
function fieldColumns(
  schema: GraphQLSchema,
  typeName: string,
  idColumn: string,
): Map<string, readonly string[] | null> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`not an object type: ${typeName}`);
  const map = new Map<string, readonly string[] | null>([['__typename', []]]);
  for (const [name, field] of Object.entries(type.getFields())) {
    const ext = field.extensions as {
      pothosExposedField?: string;
      pothosPrismaSelect?: unknown;
    };
    const select = ext.pothosPrismaSelect;
    if (name === 'id') map.set(name, [idColumn]);
    else if (typeof ext.pothosExposedField === 'string') map.set(name, [ext.pothosExposedField]);
    else if (
      select &&
      typeof select === 'object' &&
      Object.values(select).length > 0 &&
      Object.values(select).every((v) => v === true)
    )
      map.set(name, Object.keys(select));
    else map.set(name, null);
  }
  return map;
}

/**
 * Calls `visit` with each field of a selection set (name and sub-selection), through inline
 * fragments and fragment spreads.
 */
export function eachField(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  visit: (name: string, sub: SelectionSetNode | undefined) => void,
): void {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) visit(s.name.value, s.selectionSet);
    else if (s.kind === Kind.INLINE_FRAGMENT) eachField(info, s.selectionSet, visit);
    else eachField(info, info.fragments[s.name.value]?.selectionSet, visit);
  }
}

const byType = new WeakMap<GraphQLSchema, Map<string, Map<string, readonly string[] | null>>>();

/**
 * The columns the nodes of a connection or page field need (`edges { node { … } }` and
 * `nodes { … }` under the field `info` resolves), sorted, with `idColumn` always among them; null
 * when a node field's columns are unknown (a relation, a computed field without `select`): then
 * the caller reads whole rows. Fragments and inline fragments are followed; `@skip`/`@include`
 * are ignored (reading a column too many is harmless).
 */
export function selectedColumns(
  info: GraphQLResolveInfo,
  typeName: string,
  idColumn = 'id',
): string[] | null {
  let types = byType.get(info.schema);
  if (!types) byType.set(info.schema, (types = new Map()));
  let fields = types.get(typeName);
  if (!fields) types.set(typeName, (fields = fieldColumns(info.schema, typeName, idColumn)));
  const known = fields;

  const columns = new Set<string>([idColumn]);
  let unknown = false;
  const node = (set: SelectionSetNode | undefined) =>
    eachField(info, set, (name) => {
      const needs = known.get(name);
      if (needs === null || needs === undefined) unknown = true;
      else for (const c of needs) columns.add(c);
    });
  for (const fieldNode of info.fieldNodes)
    eachField(info, fieldNode.selectionSet, (name, sub) => {
      if (name === 'nodes') node(sub);
      else if (name === 'edges')
        eachField(info, sub, (inner, nodeSet) => inner === 'node' && node(nodeSet));
    });
  return unknown ? null : [...columns].sort();
}
