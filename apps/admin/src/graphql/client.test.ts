import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, formErrors } from './client.ts';

describe('formErrors (react-admin server-side validation)', () => {
  it('names the form field of a BAD_USER_INPUT on an input field', () => {
    const e = new GraphQLRequestError([
      { message: '文号已登记', extensions: { code: 'BAD_USER_INPUT', field: 'input.docNo' } },
    ]);
    expect(e.body.errors).toEqual({ docNo: '文号已登记' });
  });

  it('leaves a CONFLICT, a list element and an error without a field to the notification', () => {
    expect(
      formErrors([{ message: 'stale', extensions: { code: 'CONFLICT', field: 'version' } }]),
    ).toBeUndefined();
    expect(
      formErrors([
        {
          message: '未登记的发文机关',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.issuers[0]' },
        },
      ]),
    ).toBeUndefined();
    expect(
      new GraphQLRequestError([{ message: 'x', extensions: { code: 'INTERNAL' } }]).body.errors,
    ).toBeUndefined();
  });
});
