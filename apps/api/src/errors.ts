import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { DomainError, isDomainError } from '@gazette/domain';
import {
  RETRY_AFTER_SECONDS,
  ServiceUnavailableError,
  classifyDbError,
} from './platform/db-errors.ts';

/** Extensions of an expected failure: the code programs switch on, the field at fault, details. */
export function domainErrorExtensions(error: DomainError): Record<string, unknown> {
  const retryAfter = error.details?.retryAfterSeconds;
  return {
    ...(error.details ?? {}),
    code: error.code,
    ...(error.field ? { field: error.field } : {}),
    // yoga sends extensions.http as the response's status and headers (and drops it from the body).
    ...(error.code === 'RATE_LIMITED' && typeof retryAfter === 'number'
      ? { http: { headers: { 'retry-after': String(retryAfter) } } }
      : {}),
    // Busy: answered like the platform's exhausted retries (503, Retry-After).
    ...(error.code === 'SERVICE_UNAVAILABLE'
      ? {
          retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : RETRY_AFTER_SECONDS,
          http: {
            status: 503,
            headers: {
              'retry-after': String(
                typeof retryAfter === 'number' ? retryAfter : RETRY_AFTER_SECONDS,
              ),
            },
          },
        }
      : {}),
  };
}

/** A GraphQL error carrying a domain error's code (used where graphql-js wraps thrown errors). */
export function toGraphQLError(error: DomainError, source?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: source?.nodes,
    source: source?.source,
    positions: source?.positions,
    path: source?.path,
    extensions: domainErrorExtensions(error),
  });
}

function findDomainError(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isDomainError(current)) return current;
    current =
      current instanceof Error
        ? ((current as Error & { originalError?: unknown }).originalError ?? current.cause)
        : undefined;
  }
  return undefined;
}

function isPothosError(error: unknown): boolean {
  return error instanceof Error && error.name.startsWith('Pothos');
}

/** Pothos reports malformed cursors and argument combinations with this error class. */
function isPothosValidationError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'PothosValidationError';
}

function findServiceUnavailable(error: unknown): ServiceUnavailableError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof ServiceUnavailableError) return current;
    current =
      current instanceof Error
        ? ((current as Error & { originalError?: unknown }).originalError ?? current.cause)
        : undefined;
  }
  return undefined;
}

/** 503 with Retry-After: the database was too busy (after the bounded retries), not a bug. */
function serviceUnavailable(source: unknown, attempts?: number): GraphQLError {
  const graphql = source instanceof GraphQLError ? source : undefined;
  return new GraphQLError('服务繁忙,请稍后重试', {
    nodes: graphql?.nodes,
    source: graphql?.source,
    positions: graphql?.positions,
    path: graphql?.path,
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      ...(attempts ? { attempts } : {}),
      http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    },
  });
}

/**
 * yoga's `maskedErrors.maskError`: a DomainError becomes a GraphQL error with `extensions.code`
 * (and `extensions.field`); anything unexpected becomes "Unexpected error." with no stack or SQL.
 */
export function maskError(error: unknown, message: string): Error {
  const domain = findDomainError(error);
  if (domain) return toGraphQLError(domain, error instanceof GraphQLError ? error : undefined);
  const unavailable = findServiceUnavailable(error);
  if (unavailable) return serviceUnavailable(error, unavailable.attempts);
  // Database failures that are not bugs: load (503) or a refused value / state (named field).
  const failure = classifyDbError(error);
  if (failure?.kind === 'transient') return serviceUnavailable(error);
  if (failure?.kind === 'input')
    return toGraphQLError(failure.error, error instanceof GraphQLError ? error : undefined);
  if (error instanceof GraphQLError && isPothosValidationError(error.originalError)) {
    return new GraphQLError(error.originalError.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  // Other Pothos errors (e.g. an unused Prisma query) are programming errors. PothosError extends
  // GraphQLError, which yoga would pass through as "expected": mask them like anything unexpected.
  if (error instanceof GraphQLError && isPothosError(error.originalError ?? error)) {
    return yogaMaskError(new Error(message), message, false);
  }
  // isDev=false: never attach the original error (stack, SQL) to the response.
  return yogaMaskError(error, message, false);
}

export { DomainError };
