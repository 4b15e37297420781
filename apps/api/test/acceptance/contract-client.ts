// Sends the contract's operations exactly as written in contract/operations.graphql (each
// operation's own source text, byte for byte) over HTTP POST /graphql, and watches every error
// that comes back for leaked internals (stack traces, SQL, file paths).
import { readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';

export const CONTRACT_FILE = new URL('../../contract/operations.graphql', import.meta.url);
/** The operations issues ask for next (contract/NEXT.md); each is run here once built. */
export const NEXT_FILE = new URL('../../contract/next.graphql', import.meta.url);

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GqlResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

/** Operation name → its exact source text in the contract file. */
export function loadOperations(file: URL = CONTRACT_FILE): Map<string, string> {
  const source = readFileSync(file, 'utf8');
  const ops = new Map<string, string>();
  for (const def of parse(source).definitions) {
    if (def.kind !== 'OperationDefinition')
      throw new Error(`unexpected ${def.kind} in the contract`);
    const op = def as OperationDefinitionNode;
    if (!op.name || !op.loc) throw new Error('every contract operation is named');
    ops.set(op.name.value, source.slice(op.loc.start, op.loc.end));
  }
  return ops;
}

const LEAK_PATTERNS: RegExp[] = [
  /\bat .+:\d+:\d+/, // stack frame
  /node_modules/,
  /\.ts:\d+/,
  /\bprisma\b/i,
  /\b(SELECT|INSERT|UPDATE|DELETE)\b.+\b(FROM|INTO|SET|WHERE)\b/i,
  /\bpostgres(ql)?\b/i,
  /"stacktrace"|"stack"|"originalError"|"exception"/,
];

export function leaksIn(errors: GqlError[] | undefined): string[] {
  if (!errors) return [];
  const text = JSON.stringify(errors);
  return LEAK_PATTERNS.filter((p) => p.test(text)).map((p) => `${p} in ${text.slice(0, 400)}`);
}

export class ContractClient {
  readonly operations: Map<string, string>;
  readonly used = new Set<string>();
  readonly leaks: string[] = [];

  constructor(
    private readonly baseUrl: string,
    file: URL = CONTRACT_FILE,
  ) {
    this.operations = loadOperations(file);
  }

  async run<T = any>(
    name: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>> {
    const query = this.operations.get(name);
    if (!query) throw new Error(`${name} is not an operation of the contract`);
    this.used.add(name);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables, operationName: name }),
    });
    const text = await res.text();
    let body: { data?: T | null; errors?: GqlError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${name}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
    }
    this.leaks.push(...leaksIn(body.errors).map((l) => `${name}: ${l}`));
    return { status: res.status, ...body };
  }
}

export function codes(r: GqlResponse): string[] {
  return (r.errors ?? []).map((e) => String(e.extensions?.code));
}
