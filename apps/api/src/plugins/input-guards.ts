// Guards on what a request sends, checked before validation ends (so before the context is built
// and before any SQL): nesting depth of the query text, list sizes and NUL bytes in every string,
// whether inline or in variables. Refusals name the argument (`filter.ids`) and the limit.
// It also names the field of malformed scalar values (Date, Decimal) and, outside development,
// drops graphql-js's "Did you mean …?" hints (they enumerate the schema to a stranger).
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Deepest `[`/`{` nesting accepted in the query text (real operations stay under 20). */
export const MAX_QUERY_NESTING = 64;
/** Most items accepted in one list argument or list variable (a page of ids is 100). */
export const MAX_LIST_ITEMS = 1000;
/** Deepest nesting accepted inside a variable's value. */
export const MAX_VARIABLE_NESTING = 32;

/** Deepest bracket nesting of GraphQL source text, outside strings and comments; stops past `limit`. */
export function nestingDepth(source: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i))
          i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n')
          i += source[i] === '\\' ? 2 : 1;
      }
    } else if (c === '[' || c === '{' || c === '(') {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === ']' || c === '}' || c === ')') {
      depth--;
    }
  }
  return max;
}

function refusal(
  message: string,
  field: string | undefined,
  details: Record<string, unknown> = {},
): GraphQLError {
  return createGraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      ...(field ? { field } : {}),
      ...details,
      http: { status: 400 },
    },
  });
}

const SCALAR_LITERALS = new Set<string>([
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.ENUM,
]);

interface DocumentFacts {
  /** Argument path of every value node inside an argument (`filter.ids`). */
  valuePaths: Map<ASTNode, string>;
  /** Where each variable is first used, as an argument path. */
  variableUse: Map<string, string>;
  problems: GraphQLError[];
}

/**
 * One pass over the document: argument paths, and the inline literals' NUL bytes and list sizes;
 * with the schema, scalar literals (Date, Decimal) too, so a malformed one names its argument.
 */
function inspectDocument(document: DocumentNode, schema?: GraphQLSchema): DocumentFacts {
  const valuePaths = new Map<ASTNode, string>();
  const variableUse = new Map<string, string>();
  const problems: GraphQLError[] = [];
  const names: string[] = [];
  const typeInfo = schema ? new TypeInfo(schema) : undefined;
  const visitor = {
    Argument: {
      enter: (node: { name: { value: string } }) => void names.push(node.name.value),
      leave: () => void names.pop(),
    },
    ObjectField: {
      enter: (node: { name: { value: string } }) => void names.push(node.name.value),
      leave: () => void names.pop(),
    },
    enter(node: ASTNode) {
      if (names.length === 0) return;
      const path = names.join('.');
      const inputType = typeInfo?.getInputType();
      const leaf =
        inputType && !isListType(isNonNullType(inputType) ? inputType.ofType : inputType)
          ? getNamedType(inputType)
          : undefined;
      if (
        leaf &&
        isScalarType(leaf) &&
        !isSpecifiedScalarType(leaf) &&
        SCALAR_LITERALS.has(node.kind)
      ) {
        // Custom scalars (Date, Decimal) parse their literal here, so a refusal names the field
        // (graphql-js reports a GraphQLError thrown by parseLiteral without its location).
        try {
          leaf.parseLiteral(node as never, undefined);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          problems.push(refusal(`${path}:${reason}`, path));
        }
      }
      valuePaths.set(node, path);
      if (node.kind === Kind.VARIABLE && !variableUse.has(node.name.value))
        variableUse.set(node.name.value, path);
      if (node.kind === Kind.STRING && node.value.includes('\u0000')) {
        problems.push(refusal(`${path} 含有 NUL 字符(\\u0000),不能保存`, path));
      }
      if (node.kind === Kind.LIST && node.values.length > MAX_LIST_ITEMS) {
        problems.push(
          refusal(`${path} 最多 ${MAX_LIST_ITEMS} 项(收到 ${node.values.length} 项)`, path, {
            maximum: MAX_LIST_ITEMS,
          }),
        );
      }
    },
  };
  visit(document, typeInfo ? visitWithTypeInfo(typeInfo, visitor as never) : (visitor as never));
  return { valuePaths, variableUse, problems };
}

/** NUL bytes, oversized lists and deep nesting inside variables; iterative, bounded by depth. */
function inspectVariables(
  variables: Record<string, unknown>,
  variableUse: Map<string, string>,
): GraphQLError | undefined {
  const stack: Array<{ value: unknown; path: string[]; depth: number; name: string }> =
    Object.entries(variables).map(([name, value]) => ({ value, path: [], depth: 0, name }));
  while (stack.length) {
    const { value, path, depth, name } = stack.pop()!;
    const field = () => [variableUse.get(name) ?? name, ...path].join('.');
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        return refusal(`${field()} 含有 NUL 字符(\\u0000),不能保存`, field(), { variable: name });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_VARIABLE_NESTING)
      return refusal(`变量 $${name} 嵌套过深(最多 ${MAX_VARIABLE_NESTING} 层)`, field(), {
        variable: name,
      });
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) {
        return refusal(`${field()} 最多 ${MAX_LIST_ITEMS} 项(收到 ${value.length} 项)`, field(), {
          variable: name,
          maximum: MAX_LIST_ITEMS,
        });
      }
      // List items share the list's path: the argument is what the caller needs to know.
      for (const item of value) stack.push({ value: item, path, depth: depth + 1, name });
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value))
        stack.push({ value: item, path: [...path, key], depth: depth + 1, name });
    }
  }
  return undefined;
}

const VARIABLE_ERROR =
  /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"|^Variable "\$(\w+)" got invalid value/;
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
const HAS_SUGGESTION = /Did you mean/;

function withExtensions(
  error: GraphQLError,
  extensions: Record<string, unknown>,
  message = error.message,
): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extensions },
  });
}

export interface InputGuardOptions {
  /** Keep graphql-js's "Did you mean" hints (development only). */
  suggestions: boolean;
}

/** Query texts useInputGuards remembers as within the nesting limit, at most (then it starts over). */
const MAX_REMEMBERED_SOURCES = 1000;
/** Longest text remembered (characters): the memory stays under 1000 × 16 K whatever is sent. */
const MAX_REMEMBERED_SOURCE_LENGTH = 16_384;

export function useInputGuards(options: InputGuardOptions): Plugin {
  const facts = new WeakMap<Request, DocumentFacts>();
  const shallowSources = new Set<string>();
  // The facts depend on the document and the schema only; yoga's parser cache hands out the same
  // document object for the same text, so a repeated query is walked once, not on every request.
  const factsByDocument = new WeakMap<
    DocumentNode,
    { schema: GraphQLSchema; facts: DocumentFacts }
  >();
  const documentFacts = (document: DocumentNode, schema: GraphQLSchema) => {
    const known = factsByDocument.get(document);
    if (known?.schema === schema) return known.facts;
    const found = inspectDocument(document, schema);
    factsByDocument.set(document, { schema, facts: found });
    return found;
  };
  return {
    onParams({ params, setResult }) {
      const variables = params.variables;
      if (!variables || typeof variables !== 'object') return;
      // Cheap when nothing is wrong; on a problem the query is parsed to name the argument.
      let variableUse = new Map<string, string>();
      const problem = inspectVariables(variables, variableUse);
      if (!problem) return;
      try {
        if (params.query && nestingDepth(params.query, MAX_QUERY_NESTING) <= MAX_QUERY_NESTING) {
          variableUse = inspectDocument(parse(params.query)).variableUse;
        }
      } catch {
        // A query that does not parse: the variable's own name will do.
      }
      setResult({ errors: [inspectVariables(variables, variableUse) ?? problem] });
    },
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      // A text seen before passed (a refused one is never remembered): clients send the same few
      // documents all day, and a contract file is 3 KB of characters to walk on every request.
      if (shallowSources.has(source)) return;
      const depth = nestingDepth(source, MAX_QUERY_NESTING);
      if (depth <= MAX_QUERY_NESTING) {
        if (source.length > MAX_REMEMBERED_SOURCE_LENGTH) return;
        if (shallowSources.size >= MAX_REMEMBERED_SOURCES) shallowSources.clear();
        shallowSources.add(source);
      } else {
        throw createGraphQLError(`查询嵌套过深(最多 ${MAX_QUERY_NESTING} 层括号)`, {
          extensions: {
            code: 'GRAPHQL_PARSE_FAILED',
            maximum: MAX_QUERY_NESTING,
            http: { status: 400 },
          },
        });
      }
    },
    onValidate({ params, context, setResult }) {
      // Literal checks only: yoga caches validation results by document, variables differ per request.
      const request = (context as { request?: Request }).request;
      const found = documentFacts(params.documentAST, params.schema);
      if (request) facts.set(request, found);
      if (found.problems.length) {
        setResult(found.problems);
        return;
      }
      return ({ result, setResult: replace }) => {
        if (!result.length) return;
        replace(
          (result as GraphQLError[]).map((e) => {
            const field = e.nodes?.map((n) => found.valuePaths.get(n)).find(Boolean);
            return field && !e.extensions?.field ? withExtensions(e, { field }) : e;
          }),
        );
      };
    },
    onResultProcess({ request, result, setResult }) {
      if (!result || Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.length) return;
      const known = facts.get(request);
      let changed = false;
      const next = errors.map((e) => {
        let error = e;
        const variable = VARIABLE_ERROR.exec(e.message);
        if (variable && !e.extensions?.field) {
          const name = (variable[1] ?? variable[3])!;
          // `at "input.items[0].code"`: the variable's own name first, list indexes dropped.
          const inner =
            variable[2]
              ?.replace(/\[\d+\]/g, '')
              .split('.')
              .slice(1) ?? [];
          const field = [known?.variableUse.get(name) ?? name, ...inner].join('.');
          error = withExtensions(error, {
            field,
            code: error.extensions?.code ?? 'BAD_USER_INPUT',
          });
        }
        if (!options.suggestions && HAS_SUGGESTION.test(error.message)) {
          error = withExtensions(error, {}, error.message.replace(SUGGESTION, ''));
        }
        if (error !== e) changed = true;
        return error;
      });
      if (changed) setResult({ ...(result as object), errors: next } as never);
    },
  };
}
