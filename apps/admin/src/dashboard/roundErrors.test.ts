import { describe, expect, it } from 'vitest';
import type { TranslateFunction } from 'react-admin';
import { fieldErrors, figureMessage } from './roundErrors.ts';
import { GraphQLRequestError } from '../graphql/client.ts';
import { zh } from '../i18n/zh.ts';

const translate = ((key: string) =>
  key
    .split('.')
    .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], zh)) as TranslateFunction;

describe('a round’s errors on its fields', () => {
  it('says the API’s field names in Chinese', () => {
    expect(figureMessage('messagesClosed 不能大于 messagesReceived', translate)).toBe(
      '办结留言 不能大于 收到留言',
    );
    expect(figureMessage('windowEnd(检测时间的结束日)不能早于 windowStart', translate)).toBe(
      '检测结束日期(检测时间的结束日)不能早于 检测开始日期',
    );
  });

  it('puts every issue on its field, else the named field', () => {
    const e = new GraphQLRequestError([
      {
        message: 'x',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.messagesClosed',
          issues: [
            { field: 'input.messagesClosed', message: 'messagesClosed 不能大于 messagesReceived' },
            {
              field: 'input.windowEnd',
              message: 'windowEnd(检测时间的结束日)不能早于 windowStart',
            },
          ],
        },
      },
    ]);
    expect(fieldErrors(e, translate)).toEqual({
      messagesClosed: '办结留言 不能大于 收到留言',
      windowEnd: '检测结束日期(检测时间的结束日)不能早于 检测开始日期',
    });
    const one = new GraphQLRequestError([
      {
        message: '没有这个文件(policyId)',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.policyId' },
      },
    ]);
    expect(fieldErrors(one, translate)).toEqual({ policyId: '没有这个文件(通报文件)' });
    expect(
      fieldErrors(
        new GraphQLRequestError([{ message: 'stale', extensions: { code: 'CONFLICT' } }]),
        translate,
      ),
    ).toEqual({});
  });
});
