// createYoga(...) only; server.ts listens. Tests call `yoga.fetch` without opening a port.
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { PrismaClient } from '@gazette/db';
import { createContext } from './context.ts';
import { maskError } from './errors.ts';
import { schema } from './schema/index.ts';
import { listeningWaiter, pollingWaiter } from './services/changes/waiter.ts';

/** Largest request body accepted, in bytes (a rate table CSV of a few hundred rows fits easily). */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

export interface GazetteYogaOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Defaults to NODE_ENV === 'production': no introspection, no GraphiQL. */
  production?: boolean;
  /** For the change stream's LISTEN connection; without it subscribers poll. */
  databaseUrl?: string;
}

interface ServerContext {
  req?: IncomingMessage;
}

/** Refuses bodies over the limit before they are parsed (413). */
function useRequestSizeLimit(maxBytes: number): Plugin {
  return {
    async onRequestParse({ request }) {
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > maxBytes) throw tooLarge();
      if (request.method === 'POST' && !request.headers.has('content-length')) {
        // Chunked body: measure it (clone so the parser can still read the original).
        const size = (await request.clone().arrayBuffer()).byteLength;
        if (size > maxBytes) throw tooLarge();
      }
    },
  };
}

function tooLarge() {
  return createGraphQLError(`请求体过大(上限 ${MAX_REQUEST_BYTES} 字节)`, {
    extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } },
  });
}

/** Turns off introspection in production (GraphiQL is turned off separately). */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

export function createGazetteYoga(options: GazetteYogaOptions) {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const { prisma, logger } = options;
  const changes = options.databaseUrl ? listeningWaiter(options.databaseUrl, logger) : pollingWaiter();
  return createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !production,
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      // Unexpected errors are logged in full here; clients only see "Unexpected error.".
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    maskedErrors: { maskError },
    context: async ({ request, req }) => ({
      ...(await createContext({ request, prisma, logger, clientAddress: req?.socket?.remoteAddress ?? undefined })),
      changes,
      signal: request.signal,
    }),
    plugins: [
      { onDispose: () => changes.close() },
      useRequestSizeLimit(MAX_REQUEST_BYTES),
      // Simple (non-preflighted) requests must carry a custom header; JSON POSTs are preflighted.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'x-requested-with', 'apollo-require-preflight'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: 12, ignoreIntrospection: true },
        maxAliases: { n: 15 },
        maxTokens: { n: 2000 },
        costLimit: { maxCost: 5000, ignoreIntrospection: true },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: production },
      }),
      ...(production ? [useNoIntrospection()] : []),
    ],
  });
}

export type GazetteYoga = ReturnType<typeof createGazetteYoga>;
