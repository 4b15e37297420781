// What a database failure means to the caller. Prisma (through @prisma/adapter-pg) reports a
// PostgreSQL error as a P-code with the SQLSTATE in meta.driverAdapterError.cause.originalCode;
// the pg driver (bulk writes) throws the SQLSTATE as `code` with `column`/`constraint`.
import { DomainError } from '@gazette/domain';

/** A failure worth retrying: the same work may well succeed a moment later. */
export interface TransientFailure {
  kind: 'transient';
  reason:
    'serialization' | 'deadlock' | 'transaction-wait' | 'lock-timeout' | 'too-many-connections';
}

/** A refused value or state: the caller's to fix, named as precisely as the database allows. */
export interface InputFailure {
  kind: 'input';
  error: DomainError;
}

export type DbFailure = TransientFailure | InputFailure;

interface Facts {
  prismaCode?: string;
  sqlState?: string;
  message?: string;
  column?: string;
  constraint?: string;
  fields?: string[];
  model?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The facts of a Prisma or pg error, looking through GraphQL's originalError and `cause`. */
function factsOf(error: unknown): Facts | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    const e = record(current);
    if (!e) return undefined;
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && /^P\d{4}$/.test(code)) {
      const meta = record(e.meta);
      const cause = record(record(meta?.driverAdapterError)?.cause);
      const constraint = record(cause?.constraint);
      const target = meta?.target;
      return {
        prismaCode: code,
        sqlState: typeof cause?.originalCode === 'string' ? cause.originalCode : undefined,
        message: typeof e.message === 'string' ? e.message : undefined,
        column: typeof cause?.column === 'string' ? cause.column : undefined,
        constraint: typeof constraint?.index === 'string' ? constraint.index : undefined,
        fields: Array.isArray(constraint?.fields)
          ? (constraint.fields as string[])
          : Array.isArray(target)
            ? (target as string[])
            : typeof target === 'string'
              ? [target]
              : undefined,
        model: typeof meta?.modelName === 'string' ? meta.modelName : undefined,
      };
    }
    // node-postgres DatabaseError (raw pg pool writes): a SQLSTATE and a severity.
    if (code && SQLSTATE.test(code) && typeof e.severity === 'string') {
      return {
        sqlState: code,
        message: typeof e.message === 'string' ? e.message : undefined,
        column: typeof e.column === 'string' ? e.column : undefined,
        constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
        fields:
          typeof e.detail === 'string'
            ? e.detail.match(/Key \(([^)]+)\)/)?.[1]?.split(', ')
            : undefined,
      };
    }
    current = e.originalError ?? e.cause;
  }
  return undefined;
}

/** `"RateEntry_versionId_key_key"` → `versionId,key`-ish: the column names a constraint covers. */
function fieldOf(facts: Facts): string | undefined {
  if (facts.fields?.length) return facts.fields.map((f) => f.replace(/^"|"$/g, '')).join(',');
  if (facts.column) return facts.column;
  if (facts.constraint) {
    // Prisma names constraints <Table>_<col>[_<col>]_(key|fkey|check|idx).
    const m = /^[A-Za-z]+_(.+?)_(key|fkey|check|pkey)$/.exec(facts.constraint);
    if (m) return m[1]!.replace(/_/g, ',');
    return facts.constraint;
  }
  return undefined;
}

function input(code: 'BAD_USER_INPUT' | 'CONFLICT', message: string, facts: Facts): InputFailure {
  const field = fieldOf(facts);
  return {
    kind: 'input',
    error: new DomainError(code, field ? `${message}(字段 ${field})` : message, {
      field,
      details: {
        ...(facts.model ? { entity: facts.model } : {}),
        ...(facts.sqlState ? { sqlState: facts.sqlState } : {}),
      },
    }),
  };
}

/**
 * Classifies a database error: transient (retry, then SERVICE_UNAVAILABLE), the caller's input
 * (BAD_USER_INPUT / CONFLICT naming the field), or undefined — a bug, masked as "Unexpected error.".
 */
export function classifyDbError(error: unknown): DbFailure | undefined {
  const facts = factsOf(error);
  if (!facts) return undefined;
  const { prismaCode, sqlState } = facts;

  if (sqlState === '40001' || prismaCode === 'P2034')
    return { kind: 'transient', reason: 'serialization' };
  if (sqlState === '40P01') return { kind: 'transient', reason: 'deadlock' };
  if (sqlState === '55P03') return { kind: 'transient', reason: 'lock-timeout' };
  if (sqlState === '53300' || sqlState === '57P03')
    return { kind: 'transient', reason: 'too-many-connections' };
  // P2028 covers "Unable to start a transaction in the given time" (pool wait) and an expired
  // transaction; both are load, not the caller's fault.
  if (prismaCode === 'P2028' || prismaCode === 'P2024')
    return { kind: 'transient', reason: 'transaction-wait' };

  if (sqlState === '23505' || prismaCode === 'P2002')
    return input('BAD_USER_INPUT', '已存在相同的记录', facts);
  if (sqlState === '23503' || prismaCode === 'P2003')
    return input('CONFLICT', '该记录引用的记录不存在,或仍被其他记录引用', facts);
  if (sqlState === '23001' || prismaCode === 'P2014')
    return input('CONFLICT', '该记录仍被其他记录引用', facts);
  if (sqlState === '23514') return input('BAD_USER_INPUT', '取值不满足约束条件', facts);
  if (sqlState === '23502' || prismaCode === 'P2011')
    return input('BAD_USER_INPUT', '缺少必填的值', facts);
  if (sqlState === '22001' || prismaCode === 'P2000')
    return input('BAD_USER_INPUT', '文本过长', facts);
  if (sqlState === '22003' || prismaCode === 'P2020')
    return input('BAD_USER_INPUT', '数值超出允许的范围', facts);
  if (sqlState === '22021' || sqlState === '22P05')
    return input('BAD_USER_INPUT', '文本含有无效字符(如 NUL 字节或非 UTF-8 编码)', facts);
  if (sqlState === '22007' || sqlState === '22008')
    return input('BAD_USER_INPUT', '日期或时间无效', facts);
  return undefined;
}

/** Seconds a client should wait before retrying after a transient failure. */
export const RETRY_AFTER_SECONDS = 1;

/** Thrown when a transient failure persisted through every retry. */
export class ServiceUnavailableError extends Error {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
  constructor(
    readonly reason: TransientFailure['reason'],
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`数据库繁忙(${reason}),已重试 ${attempts} 次,请稍后再试`, options);
    this.name = 'ServiceUnavailableError';
  }
}
