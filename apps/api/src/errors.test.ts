import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DomainError, badInput } from '@gazette/domain';
import { maskError } from './errors.ts';

const wrapped = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['policy'] });

describe('maskError', () => {
  it('turns a domain error into extensions.code and extensions.field, keeping the path', () => {
    const out = maskError(
      wrapped(badInput('input.grade', 'grade 应为 1–7', { grade: 8 })),
      'Unexpected error.',
    ) as GraphQLError;
    expect(out.message).toBe('grade 应为 1–7');
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.grade', grade: 8 });
    expect(out.path).toEqual(['policy']);
  });

  it('carries CONFLICT details (who changed the record and when)', () => {
    const conflict = new DomainError('CONFLICT', '记录已被修改', {
      field: 'version',
      details: { changedBy: 'a@b', changedAt: '2025-01-01T00:00:00.000Z' },
    });
    const out = maskError(wrapped(conflict), 'Unexpected error.') as GraphQLError;
    expect(out.extensions).toMatchObject({ code: 'CONFLICT', field: 'version', changedBy: 'a@b' });
  });

  it('masks anything else without its message or stack', () => {
    const out = maskError(
      wrapped(new Error('relation "Policy" does not exist')),
      'Unexpected error.',
    ) as GraphQLError;
    expect(out.message).toBe('Unexpected error.');
    expect(JSON.stringify(out.toJSON())).not.toContain('Policy');
    expect(out.extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('masks Pothos programming errors, which are GraphQLErrors yoga would otherwise pass through', () => {
    const unused = new GraphQLError('Prisma query was unused in resolver for Query.case');
    unused.name = 'PothosSchemaError';
    for (const error of [wrapped(unused), unused]) {
      const out = maskError(error, 'Unexpected error.') as GraphQLError;
      expect(out.message).toBe('Unexpected error.');
      expect(JSON.stringify(out.toJSON())).not.toContain('Prisma');
      expect(out.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    }
  });

  it('keeps Pothos validation errors (a malformed cursor) as BAD_USER_INPUT', () => {
    const invalid = new GraphQLError('Invalid cursor');
    invalid.name = 'PothosValidationError';
    const out = maskError(wrapped(invalid), 'Unexpected error.') as GraphQLError;
    expect(out.message).toBe('Invalid cursor');
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
