// Response cache for published reads (@graphql-yoga/plugin-response-cache), keyed by the caller's
// role (anonymous, a role, or a token's scopes): results that hold a User, a case, an audit entry,
// a token, or root fields that need a scope are never stored under a role.
//
// Personal answers: the confidential reads a signed-in desk repeats (a case, the case lists, the
// audit log: PERSONAL_ROOT_FIELDS) are kept per person (an account with its role, or a token with
// its scopes), in this process only (never in Redis), and forgotten on every write that could
// change them: every mutation and streamed import (as above), every sign-in and sign-out (they
// write audit entries), and every change to the tables they read made anywhere (NOTIFY
// gazette_private from a trigger: migration personal_notify). GAZETTE_PERSONAL_CACHE=off turns
// them off.
//
// Invalidation, coarse and safe: every successful mutation flushes the whole cache before its
// response is sent, and notifies the other instances (NOTIFY gazette_cache); changes to published
// data made outside GraphQL (gazette import, jobs) arrive as NOTIFY gazette_changes from the
// change feed and flush too. A read that started before a flush never stores its (possibly stale)
// result: each cache key remembers the generation it started in.
//
// The store is in process by default; with REDIS_URL it is Redis (@envelop/response-cache-redis),
// shared by every instance and flushed by the writer itself before its response.
//
// Identical cacheable reads arriving while one of them executes wait for its answer instead of
// executing too (singleFlight, per instance): an expired or flushed expensive read asked by many
// clients at once runs once.
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Logger } from 'pino';
import {
  Kind,
  getOperationAST,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  createInMemoryCache,
  useResponseCache,
  type Cache,
} from '@graphql-yoga/plugin-response-cache';
import { CHANGE_CHANNEL } from '@gazette/db/changes/record';
import type { PrismaClient } from '@gazette/db';
import { todayInShanghai } from '@gazette/domain';
import { viewerOf, type GazetteContext, type Viewer } from '../context.ts';
import type { ViewerCache } from '../auth/viewer-cache.ts';
import { sha256Hex } from './sha256.ts';

export const CACHE_CHANNEL = 'gazette_cache';
/** Sent by a trigger on every change to cases, their events and notices, and the audit log. */
export const PRIVATE_CHANNEL = 'gazette_private';
/** Sent by a trigger on every change to sessions, users and API tokens (auth/viewer-cache.ts). */
export const AUTH_CHANNEL = 'gazette_auth';
/** Safety net: an entry lives at most this long even if no write ever flushes it. */
export const CACHE_TTL_MS = 5 * 60_000;

const operationsByDocument = new WeakMap<DocumentNode, Map<string, DocumentNode>>();

function fragmentSpreads(set: SelectionSetNode, into: string[]): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FRAGMENT_SPREAD) into.push(s.name.value);
    else if (s.selectionSet) fragmentSpreads(s.selectionSet, into);
  }
}

/**
 * The document reduced to the operation that runs and the fragments it uses. The response cache
 * derives an operation's TTL from every field of the document it is given: a client sending a
 * whole contract file (one private `query Case` or `me` among public reads) would otherwise make
 * every operation of that file uncacheable. Execution only ever reads the selected operation and
 * its fragments, so the result is the same; validation still sees the whole document. Memoized per
 * parsed document (yoga's parser cache hands out the same object for the same text).
 */
export function operationOnly(
  document: DocumentNode,
  operationName: string | null | undefined,
): DocumentNode {
  let byName = operationsByDocument.get(document);
  if (!byName) operationsByDocument.set(document, (byName = new Map()));
  const key = operationName ?? '';
  const memo = byName.get(key);
  if (memo) return memo;
  if (document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length <= 1) {
    byName.set(key, document);
    return document;
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) return document; // execution reports the missing or ambiguous operation
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const used = new Set<string>();
  const pending: string[] = [];
  fragmentSpreads(operation.selectionSet, pending);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    const fragment = fragments.get(name);
    if (fragment) fragmentSpreads(fragment.selectionSet, pending);
  }
  const definitions: DefinitionNode[] = document.definitions.filter(
    (d) => d === operation || (d.kind === Kind.FRAGMENT_DEFINITION && used.has(d.name.value)),
  );
  const reduced: DocumentNode = { ...document, definitions };
  byName.set(key, reduced);
  return reduced;
}

/** Types whose data depends on who asks, or is not published: never cached. */
const PRIVATE_TYPES = [
  'User',
  'ApiToken',
  'AuditEntry',
  'DiscretionCase',
  'CaseEvent',
  'Notice',
  'ReviewTask',
  'GazetteImport',
];
/**
 * Root fields whose answers are kept per person (see the top of this file). Everything such an
 * answer can hold comes from the tables whose trigger sends gazette_private
 * (test/adversarial/platform-personal-cache.test.ts walks the schema from these fields and fails
 * on any type outside PERSONAL_TYPES: a new field reaching other data needs its own invalidation
 * first).
 */
export const PERSONAL_ROOT_FIELDS = [
  'case',
  'cases',
  'casesPage',
  'auditEntriesPage',
  'auditEntries',
];
/**
 * The object types a personal answer may hold: their data is in the gazette_private tables (the
 * forms and prints are a case's and its events' fields laid out as the gazette's annexes).
 */
export const PERSONAL_TYPES = [
  'DiscretionCase',
  'CaseEvent',
  'Notice',
  'NoticePrint',
  'ApplicationForm',
  'ApplicationParagraph',
  'ApprovalForm',
  'ApprovalFormRow',
  'AuditEntry',
  'QueryCasesConnection',
  'QueryCasesConnectionEdge',
  'CasePage',
  'AuditEntryPage',
  'QueryAuditEntriesConnection',
  'QueryAuditEntriesConnectionEdge',
  'PageInfo',
];
/** Personal answers kept at most (least recently used dropped first). */
export const PERSONAL_MAX_ENTRIES = 256;
/** Their size at most, counted as their JSON text in UTF-16 (two bytes a character). */
export const PERSONAL_MAX_BYTES = 32 * 1024 * 1024;

/** Mutations that change no data a cached read shows (sessions only): no flush. */
const SESSION_MUTATIONS = new Set(['login', 'logout']);
/**
 * Root fields answered per person, or for any record type (node/nodes). The change feed (`changes`)
 * is published data like the rest: every entry is written by recordChange, whose NOTIFY
 * gazette_changes flushes the cache in every instance.
 */
const PRIVATE_ROOT_FIELDS = ['me', 'node', 'nodes'];

export function cacheSession(viewer: Viewer): string {
  if (viewer.kind === 'user') return `role:${viewer.role}`;
  if (viewer.kind === 'token') return `token:${[...viewer.scopes].sort().join(',')}`;
  return 'anonymous';
}

/** Whose personal answers these are: the account and its role, or the token and its scopes. */
export function cachePerson(viewer: Viewer): string | null {
  if (viewer.kind === 'user') return `user:${viewer.userId}:${viewer.role}`;
  if (viewer.kind === 'token')
    return `token:${viewer.tokenId}:${[...viewer.scopes].sort().join(',')}`;
  return null;
}

/** TTL 0 (not cached) for private types, per-person root fields and every root field with a scope. */
export function privateCoordinates(schema: GraphQLSchema): Record<string, number> {
  const ttl: Record<string, number> = {};
  for (const t of PRIVATE_TYPES) if (schema.getType(t)) ttl[t] = 0;
  const query = schema.getQueryType();
  for (const [name, field] of Object.entries(query?.getFields() ?? {})) {
    const scoped =
      (field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions
        ?.authScopes !== undefined;
    if (scoped || PRIVATE_ROOT_FIELDS.includes(name)) ttl[`Query.${name}`] = 0;
  }
  return ttl;
}

/** Documents whose operations operationJudge remembers, at most (then it starts over). */
const MAX_REMEMBERED_DOCUMENTS = 1000;

/** What the cache makes of an operation (see operationJudge). */
export type OperationVerdict = 'uncached' | 'personal' | 'query' | 'other';

/**
 * Whether the cache can never store the answer to an operation ('uncached': a query selecting a
 * root field whose TTL is 0 — `ttl`: privateCoordinates, plus the plugin's own Query.__schema —
 * other than the `personal` ones), may store it per person ('personal': its TTL-0 root fields are
 * all personal), may store it per role ('query'), or it is not a query the cache judges here
 * ('other': a mutation, a subscription, a document that does not parse or names no operation,
 * left to yoga, which runs or reports it). For an 'uncached' operation the plugin would give the
 * whole operation TTL 0 and drop its answer, after keying it (a hash of the whole document), looking it up, executing a
 * rewritten document (a __typename and an id added to every selection) and walking the result to
 * strip them again: such a request skips all of that. Only root fields are looked at, so a 'query'
 * is still judged by the plugin. Remembered per document text and operation name.
 */
export function operationJudge(
  ttl: Readonly<Record<string, number>>,
  personal: ReadonlySet<string> = new Set(),
): (documentString: string, operationName: string | null | undefined) => OperationVerdict {
  const remembered = new Map<string, Map<string, OperationVerdict>>();
  const judge = (
    documentString: string,
    operationName: string | null | undefined,
  ): OperationVerdict => {
    let document: DocumentNode;
    try {
      document = parse(documentString, { noLocation: true });
    } catch {
      return 'other';
    }
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== 'query') return 'other';
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const seen = new Set<string>();
    let verdict: OperationVerdict = 'query';
    const visit = (set: SelectionSetNode): void => {
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (ttl[`Query.${s.name.value}`] !== 0) continue;
          if (!personal.has(s.name.value)) verdict = 'uncached';
          else if (verdict === 'query') verdict = 'personal';
        } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
        else if (!seen.has(s.name.value)) {
          seen.add(s.name.value);
          const fragment = fragments.get(s.name.value);
          if (fragment) visit(fragment.selectionSet);
        }
      }
    };
    visit(operation.selectionSet);
    return verdict;
  };
  return (documentString, operationName) => {
    let byName = remembered.get(documentString);
    if (!byName) {
      if (remembered.size >= MAX_REMEMBERED_DOCUMENTS) remembered.clear();
      remembered.set(documentString, (byName = new Map()));
    }
    const key = operationName ?? '';
    let verdict = byName.get(key);
    if (verdict === undefined) byName.set(key, (verdict = judge(documentString, operationName)));
    return verdict;
  };
}

/** How long a read waits for an identical one in flight before it executes on its own. */
export const SINGLE_FLIGHT_WAIT_MS = 30_000;

export interface SingleFlight {
  /**
   * A cacheable read with this key is about to look the cache up. Undefined when no identical read
   * is in flight (this request leads: it executes, and its answer is stored for the others);
   * otherwise a promise that settles when the leader has answered (or after `waitMs`), so that the
   * lookup that follows finds the leader's answer instead of executing again.
   */
  join(request: Request, key: string): Promise<void> | undefined;
  /** The request has its response (stored, if storable): wakes the reads waiting for it. */
  done(request: Request): void;
  /** Reads being led now (for tests). */
  readonly inFlight: number;
}

/**
 * Single flight for identical cacheable reads (same key: document, variables, role, day): when an
 * answer is not cached (first asked, expired after CACHE_TTL_MS, or flushed by a write), a burst of
 * identical requests executes it once, not once per request — an expensive aggregate asked by 16
 * clients at once would otherwise run 16 times side by side on the same cores. A leader that never
 * answers (its client gone before a response) is replaced after `waitMs`.
 */
export function singleFlight(waitMs = SINGLE_FLIGHT_WAIT_MS): SingleFlight {
  interface Flight {
    key: string;
    since: number;
    done: Promise<void>;
    finish: () => void;
  }
  const flights = new Map<string, Flight>();
  const led = new WeakMap<Request, Flight>();
  return {
    join(request, key) {
      const flight = flights.get(key);
      const now = performance.now();
      if (flight && now - flight.since < waitMs) {
        const left = waitMs - (now - flight.since);
        return new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          void flight.done.then(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      // Leaders that never answered (their keys never asked again) are let go past a bound.
      if (flights.size >= MAX_TRACKED)
        for (const [k, f] of flights)
          if (now - f.since >= waitMs) {
            flights.delete(k);
            f.finish();
          }
      let finish = () => {};
      const done = new Promise<void>((resolve) => (finish = resolve));
      const mine: Flight = { key, since: now, done, finish };
      flights.set(key, mine);
      led.set(request, mine);
      return undefined;
    },
    done(request) {
      const mine = led.get(request);
      if (!mine) return;
      led.delete(request);
      // A leader replaced after waitMs leaves its successor's flight in place.
      if (flights.get(mine.key) === mine) flights.delete(mine.key);
      mine.finish();
    },
    get inFlight() {
      return flights.size;
    },
  };
}

/** A cache that can be flushed whole, and refuses to store results of reads older than the last flush. */
export interface FlushableCache {
  cache: Cache;
  /** Called when a request starts (its cache key is known). */
  started(key: string): void;
  /** Empties this instance's view (and, for Redis, the shared store). */
  flush(): Promise<void>;
  readonly generation: number;
  /** False while cross-instance invalidation is not heard (the cache is then bypassed). */
  active: boolean;
  /**
   * Present when the store also keeps personal answers (withPersonalAnswers): empties those only
   * (a sign-in, a change heard on gazette_private).
   */
  flushPersonal?: () => Promise<void>;
}

const MAX_TRACKED = 10_000;

function generations(): {
  started(key: string): void;
  mayStore(key: string): boolean;
  bump(): void;
  readonly generation: number;
} {
  let generation = 0;
  const startedIn = new Map<string, number>();
  return {
    started(key) {
      if (startedIn.size >= MAX_TRACKED) startedIn.clear();
      if (!startedIn.has(key)) startedIn.set(key, generation);
    },
    mayStore(key) {
      const at = startedIn.get(key);
      startedIn.delete(key);
      return at === generation;
    },
    bump() {
      generation++;
      startedIn.clear();
    },
    get generation() {
      return generation;
    },
  };
}

/** A store in this process: `create` makes an empty cache; a flush swaps in a new one. */
function flushableInProcess(create: () => Cache): FlushableCache {
  const gens = generations();
  let inner = create();
  return {
    cache: {
      get: (key) => inner.get(key),
      set: (key, data, entities, ttl) =>
        gens.mayStore(key) ? inner.set(key, data, entities, ttl) : undefined,
      invalidate: (entities) => inner.invalidate(entities),
    },
    started: (key) => gens.started(key),
    flush: async () => {
      gens.bump();
      inner = create();
    },
    get generation() {
      return gens.generation;
    },
    active: true,
  };
}

export function inMemoryFlushableCache(max = 5000): FlushableCache {
  return flushableInProcess(() => createInMemoryCache({ max }));
}

/**
 * Redis store shared by every instance of one deployment (`namespace`: its database); `flush` drops
 * every cached response of that namespace (each is also filed under one synthetic entity).
 */
export function redisFlushableCache(store: Cache, namespace: string): FlushableCache {
  const gens = generations();
  const EVERYTHING = { typename: `GazetteResponseCache_${namespace}` };
  return {
    cache: {
      get: (key) => store.get(key),
      set: (key, data, entities, ttl) =>
        gens.mayStore(key) ? store.set(key, data, [...entities, EVERYTHING], ttl) : undefined,
      invalidate: (entities) => store.invalidate(entities),
    },
    started: (key) => gens.started(key),
    flush: async () => {
      gens.bump();
      await store.invalidate([EVERYTHING]);
    },
    get generation() {
      return gens.generation;
    },
    active: true,
  };
}

type CachedResult = Parameters<Cache['set']>[1];

/**
 * The store of personal answers: in this process, at most `max` answers and `maxBytes` (an
 * answer's JSON text, two bytes a character; one answer larger than an eighth of that is not
 * kept), the least recently used dropped first; flushed whole (no entity invalidation). Measuring
 * an answer costs one JSON.stringify when it is stored, not when it is served.
 */
export function personalAnswersStore(
  maxBytes = PERSONAL_MAX_BYTES,
  max = PERSONAL_MAX_ENTRIES,
): FlushableCache {
  return flushableInProcess(() => {
    const answers = new LRUCache<string, CachedResult>({
      max,
      maxSize: maxBytes,
      maxEntrySize: Math.floor(maxBytes / 8),
      sizeCalculation: (result) => Math.max(1, 2 * JSON.stringify(result).length),
    });
    return {
      get: (key) => answers.get(key) ?? null,
      set: (key, data, _entities, ttl) => {
        answers.set(key, data, { ttl });
      },
      invalidate: () => {},
    };
  });
}

/** Keys of personal answers start with this (withPersonalAnswers files them apart). */
export const PERSONAL_KEY_PREFIX = 'personal:';

/**
 * `shared` (published answers per role) together with a store of personal answers kept in this
 * process only, whatever `shared` is: confidential data never goes to Redis. Keys starting with
 * PERSONAL_KEY_PREFIX go to the personal store. `flush` empties both, `flushPersonal` the personal
 * one; `generation` moves with either (remembered totals are dropped by both).
 */
export function withPersonalAnswers(
  shared: FlushableCache,
  personal: FlushableCache = personalAnswersStore(),
): FlushableCache {
  const of = (key: string) => (key.startsWith(PERSONAL_KEY_PREFIX) ? personal : shared);
  return {
    cache: {
      get: (key) => of(key).cache.get(key),
      set: (key, data, entities, ttl) => of(key).cache.set(key, data, entities, ttl),
      invalidate: async (entities) => {
        const list = [...entities];
        await Promise.all([shared.cache.invalidate(list), personal.cache.invalidate(list)]);
      },
    },
    started: (key) => of(key).started(key),
    flush: async () => {
      await Promise.all([personal.flush(), shared.flush()]);
    },
    flushPersonal: () => personal.flush(),
    get generation() {
      return shared.generation + personal.generation;
    },
    get active() {
      return shared.active;
    },
    set active(value: boolean) {
      shared.active = value;
      personal.active = value;
    },
  };
}

export interface ResponseCacheOptions {
  prisma: PrismaClient;
  /** Separates deployments (databases) sharing one Redis. */
  namespace: string;
  schema: GraphQLSchema;
  store: FlushableCache;
  /** Who recent bearer secrets are: shared with the context (one resolution per request). */
  viewers?: ViewerCache;
  /** Identical reads in flight (default: one per plugin instance). */
  flights?: SingleFlight;
}

/** The yoga plugins: the response cache itself, and the flush after every successful mutation. */
export function useGazetteResponseCache(
  options: ResponseCacheOptions & { instanceId: string },
): Plugin[] {
  const { prisma, store, schema } = options;
  const isStream = (request: Request) =>
    request.headers.get('accept')?.includes('text/event-stream') ?? false;
  // A multipart request carries an upload, so it is a mutation (never cached); its cache key
  // would serialise the file's bytes into JSON (a 4 MiB CSV: tens of MB and a blocked loop).
  const isUpload = (request: Request) =>
    request.headers.get('content-type')?.startsWith('multipart/') ?? false;
  const ttlPerSchemaCoordinate = privateCoordinates(schema);
  // Personal answers only where the store keeps them apart (withPersonalAnswers).
  const personal = new Set(store.flushPersonal ? PERSONAL_ROOT_FIELDS : []);
  const verdict = operationJudge({ 'Query.__schema': 0, ...ttlPerSchemaCoordinate }, personal);
  // Requests whose operation the cache can never store (see operationJudge): no key, no lookup.
  const uncached = new WeakSet<Request>();
  // Requests whose answer is kept for their caller alone (a personal key, its own TTL).
  const personalRequests = new WeakSet<Request>();
  const flights = options.flights ?? singleFlight();
  const neverStored = (request: Request) => {
    uncached.add(request);
    return `uncached:${randomUUID()}`;
  };
  const keyOf = (parts: readonly string[]) =>
    sha256Hex([options.namespace, ...parts, todayInShanghai()].join('\u0000'));
  /** Noted as started, and joined to an identical read in flight (see singleFlight). */
  const lookUp = (request: Request, key: string) => {
    store.started(key);
    if (!store.active || isStream(request)) return key;
    const waiting = flights.join(request, key);
    return waiting ? waiting.then(() => key) : key;
  };
  return [
    useResponseCache<Record<string, unknown>>({
      cache: store.cache,
      ttl: CACHE_TTL_MS,
      ttlPerSchemaCoordinate,
      session: async (request) => cacheSession(await viewerOf(prisma, request, options.viewers)),
      enabled: (request) =>
        store.active && !isStream(request) && !isUpload(request) && !uncached.has(request),
      // The writer flushes everything itself (below): entity-level invalidation adds nothing.
      invalidateViaMutation: false,
      includeExtensionMetadata: false,
      // A personal answer holds private types (TTL 0 for every role-keyed entry): its key names
      // the person, so it is kept as long as a published one.
      onTtl: ({ ttl, context }) =>
        personalRequests.has((context as { request: Request }).request) ? CACHE_TTL_MS : ttl,
      // node:crypto's synchronous hash: WebCrypto's digest (the plugin's hashSHA256) costs a thread
      // pool round trip, about 0.2 ms on every request.
      buildResponseCacheKey: ({
        documentString,
        variableValues,
        operationName,
        sessionId,
        request,
      }) => {
        // The plugin asks for a key even when it is disabled for the request: an upload gets one
        // that serialises nothing (and is never looked up nor stored, see enabled), and so does an
        // operation whose answer can never be stored (decided once per document and name).
        if (isUpload(request)) return `upload:${randomUUID()}`;
        const kind = verdict(documentString, operationName);
        if (kind === 'uncached') return neverStored(request);
        // An omitted `asOf` means today (Asia/Shanghai): an answer never outlives its day.
        const parts = [
          documentString,
          operationName ?? '',
          JSON.stringify(variableValues ?? {}),
          sessionId ?? '',
        ];
        if (kind === 'personal')
          return viewerOf(prisma, request, options.viewers).then((viewer) => {
            const person = cachePerson(viewer);
            // Nobody's: refused by the fields' scopes anyway, and an answer with errors is not kept.
            if (person === null || !store.active) return neverStored(request);
            personalRequests.add(request);
            return lookUp(request, PERSONAL_KEY_PREFIX + keyOf([...parts, person]));
          });
        const key = keyOf(parts);
        if (kind !== 'query') {
          store.started(key);
          return key;
        }
        return lookUp(request, key);
      },
    }),
    {
      // A leading read's answer is stored (its onExecuteDone) before its response exists.
      onResponse({ request }) {
        flights.done(request);
      },
      // After the cache's own onExecute (added right behind useResponseCache): the cache and the
      // execution see only the operation that runs (see operationOnly).
      onExecute({ executeFn, setExecuteFn }) {
        setExecuteFn((args) =>
          executeFn({ ...args, document: operationOnly(args.document, args.operationName) }),
        );
      },
    },
    {
      onExecute({ args }) {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation?.operation !== 'mutation') return;
        const fields = operation.selectionSet.selections.map((s) =>
          s.kind === Kind.FIELD ? s.name.value : '',
        );
        if (fields.every((f) => SESSION_MUTATIONS.has(f)))
          // Signing in or out writes an audit entry: personal answers (the log) are forgotten,
          // whatever the outcome, before the response; published answers survive.
          return store.flushPersonal ? { onExecuteDone: () => store.flushPersonal?.() } : undefined;
        return {
          async onExecuteDone({ result }) {
            if (Symbol.asyncIterator in (result as object)) return;
            const { data } = result as { data?: Record<string, unknown> | null };
            // Something may have been written (even with some errors): flush before answering.
            if (data && Object.values(data).some((v) => v != null)) {
              const ctx = args.contextValue as unknown as GazetteContext;
              await flushAfterWrite(prisma, store, options.instanceId, ctx.logger);
            }
          },
        };
      },
    },
  ];
}

/**
 * After a write, before its response: empties the cache (this instance's view and a shared
 * store) and tells the other instances (NOTIFY gazette_cache). Every successful mutation runs it
 * (the plugin above), and so does every other write path (POST /imports/…).
 */
export async function flushAfterWrite(
  prisma: PrismaClient,
  store: FlushableCache,
  instanceId: string,
  logger: Logger | undefined,
): Promise<void> {
  await store.flush();
  await prisma.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${instanceId})`.catch(
    (error: unknown) => logger?.warn({ err: error }, 'cache invalidation notify failed'),
  );
}

/**
 * Flushes this instance's cache when another instance wrote (gazette_cache) or when published data
 * changed anywhere (gazette_changes, the change feed), its personal answers when a case or the
 * audit log changed anywhere (gazette_private), and forgets remembered viewers when a
 * session, user or token changed anywhere (gazette_auth). Reconnects after a failure; while it is
 * down both are bypassed, and flushed on reconnect.
 */
export function listenForInvalidations(
  databaseUrl: string,
  store: FlushableCache,
  instanceId: string,
  logger: Logger,
  onWrite?: () => void,
  viewers?: ViewerCache,
) {
  // Both are used only while the listener hears their invalidations.
  const setActive = (active: boolean) => {
    store.active = active;
    if (viewers) viewers.active = active; // emptied as it changes
  };
  setActive(false); // until LISTEN runs
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'gazette-cache-listener',
    });
    c.on('notification', (message) => {
      if (message.channel === AUTH_CHANNEL) return viewers?.clear();
      if (message.channel === PRIVATE_CHANNEL) {
        onWrite?.();
        return void store.flushPersonal?.();
      }
      if (message.channel === CACHE_CHANNEL && message.payload === instanceId) return;
      onWrite?.();
      void store.flush();
    });
    c.on('error', (error) => {
      logger.warn({ err: error }, 'cache invalidation listener lost its connection');
      setActive(false);
      client = null;
      void c.end().catch(() => {});
      if (!closed) timer = setTimeout(() => void connect().catch(() => {}), 1000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (store.flushPersonal) await c.query(`LISTEN ${PRIVATE_CHANNEL}`);
      if (viewers) await c.query(`LISTEN ${AUTH_CHANNEL}`);
      client = c;
      await store.flush(); // anything may have changed while no one listened
      setActive(true);
      if (closed) await c.end();
    } catch (error) {
      setActive(false);
      logger.warn({ err: error }, 'cache invalidation listener could not connect');
      await c.end().catch(() => {});
      if (!closed) timer = setTimeout(() => void connect().catch(() => {}), 1000);
    }
  };
  const ready = connect();
  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await ready.catch(() => {});
      await client?.end().catch(() => {});
    },
  };
}

export const newInstanceId = () => randomUUID();

/** A deployment's cache namespace: its database's host, port and name (never the password). */
export function cacheNamespace(databaseUrl: string | undefined): string {
  if (!databaseUrl) return 'local';
  try {
    const url = new URL(databaseUrl);
    return sha256Hex(`${url.hostname}:${url.port}${url.pathname}`).slice(0, 16);
  } catch {
    return 'local';
  }
}
