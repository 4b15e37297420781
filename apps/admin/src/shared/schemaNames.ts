// Names from the committed schema (apps/api/schema.graphql through gql.tada's generated
// graphql-env.d.ts) for the places that build operations from strings: the generic CRUD of the
// dataProvider. An input field, mutation, list field or type the API does not have fails typecheck.
import type { introspection_types as Types } from '../graphql/graphql-env.d.ts';
import type { graphql } from '../graphql/graphql.ts';

type KindOf<K extends string> = {
  [N in keyof Types]: Types[N] extends { kind: K } ? N : never;
}[keyof Types] &
  string;

/** An input object type of the API, e.g. `PolicyPatch`. */
export type InputName = KindOf<'INPUT_OBJECT'>;
/** An object type of the API, e.g. `Policy`. */
export type ObjectName = KindOf<'OBJECT'>;
/** The value of input type `N` as gql.tada reads it from the schema. */
export type InputOf<N extends InputName> = ReturnType<typeof graphql.scalar<N>>;
/** A field of input type `N`. */
export type InputField<N extends InputName> = Extract<keyof InputOf<N>, string>;
/** A root mutation field, e.g. `updatePolicy`. */
export type MutationName = Extract<keyof Types['Mutation']['fields'], string>;
/** A root query field, e.g. `policiesPage`. */
export type QueryName = Extract<keyof Types['Query']['fields'], string>;

/**
 * Keeps the fields of `data` that input type `input` accepts (`''` sent as null, absent fields
 * left out): a react-admin form's record holds more than a mutation takes.
 */
export function pickInput<N extends InputName>(_input: N, keys: readonly InputField<N>[]) {
  return (data: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k] === '' ? null : data[k]]),
    );
}

/**
 * `source` names of a list's filters or a form's inputs, checked against the input type they feed:
 * `const source = sourceOf<'PolicyPageFilter'>(); <TextInput source={source('q')} />`. A form
 * shared by create and edit names both inputs (`sourceOf<'PolicyInput' | 'PolicyPatch'>()`): only
 * the fields both take pass. `Own` names a value the page keeps to itself and never sends (a
 * transform or the resource's mapFilter removes it), e.g. the audit list's showLogins.
 */
export const sourceOf =
  <N extends InputName, Own extends string = never>() =>
  <F extends InputField<N> | Own>(field: F): F =>
    field;

/** A field of object type `N`, e.g. `docNo` of `Policy`. */
export type ObjectField<N extends ObjectName> = Types[N] extends { fields: infer F }
  ? Extract<keyof F, string>
  : never;

/**
 * `source` names of fields that show a record (or an input shown disabled because the mutation
 * does not take it), checked against the object type: `fieldOf<'User'>()('email')`.
 */
export const fieldOf =
  <N extends ObjectName>() =>
  <F extends ObjectField<N>>(field: F): F =>
    field;
