/** Error codes the API maps one-to-one onto GraphQL `extensions.code`. */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'RATE_NOT_IN_FORCE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  /** Busy right now (HTTP 503 with Retry-After); nothing was written, the same request may be retried. */
  | 'SERVICE_UNAVAILABLE';

/** A failure the caller can act on. `message` is Chinese, for people; `code` is for programs. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field at fault, as a path (`input.items[1].code`), when there is one. */
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export function badInput(field: string, message: string, details?: Record<string, unknown>) {
  return new DomainError('BAD_USER_INPUT', message, { field, details });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
