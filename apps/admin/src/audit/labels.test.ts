import { describe, expect, it } from 'vitest';
import { actionKey, displayAction, entityKey, fieldChanges, showValue } from './labels.ts';
import { zh } from '../i18n/zh.ts';
import { ACTIONS, ENTITIES, type ValueWords } from './labels.ts';
import { AUDIT_FIELDS } from '@gazette/domain';

describe('audit labels', () => {
  it('names every action and entity in Chinese', () => {
    const a = zh.audit.actions as Record<string, string>;
    const e = zh.audit.entities as Record<string, string>;
    expect(ACTIONS.filter((x) => !a[actionKey(x)!.slice('audit.actions.'.length)])).toEqual([]);
    expect(ENTITIES.filter((x) => !e[entityKey(x)!.slice('audit.entities.'.length)])).toEqual([]);
    expect(actionKey('something.new')).toBeNull();
  });
  it('reads a DRAFT → PUBLISHED update as a publication', () => {
    expect(
      displayAction({
        action: 'rateTableVersion.update',
        entity: 'RateTableVersion',
        before: { status: 'DRAFT' },
        after: { status: 'PUBLISHED' },
      }),
    ).toBe('rateTableVersion.publish');
    expect(
      displayAction({
        action: 'rateTableVersion.update',
        entity: 'RateTableVersion',
        before: { status: 'PUBLISHED' },
        after: { status: 'PUBLISHED' },
      }),
    ).toBe('rateTableVersion.update');
  });
  it('lists only the changed fields of an update, leaving out bookkeeping', () => {
    expect(
      fieldChanges({
        before: { summary: 'a', title: 't', version: 1 },
        after: { summary: 'b', title: 't', version: 2 },
      }),
    ).toEqual([{ field: 'summary', before: 'a', after: 'b' }]);
    expect(fieldChanges({ before: null, after: { name: 'x', id: '1' } })).toEqual([
      { field: 'name', before: undefined, after: 'x' },
    ]);
    // A new or deleted record: only the fields it had a value in.
    expect(
      fieldChanges({ before: null, after: { caseName: '某案', handler: null, exclusions: [] } }),
    ).toEqual([{ field: 'caseName', before: undefined, after: '某案' }]);
    expect(fieldChanges({ before: { alias: '别名', note: null }, after: null })).toEqual([
      { field: 'alias', before: '别名', after: undefined },
    ]);
    expect(showValue('2026-12-18T00:00:00.000Z')).toBe('2026-12-18');
    expect(showValue(null)).toBe('—');
  });

  it('names in Chinese every field the API can write into an entry', () => {
    const f = zh.audit.fields as Record<string, string>;
    expect(AUDIT_FIELDS.filter((x) => !f[x])).toEqual([]);
  });

  /** The dashboard's Chinese words, as the list builds them from its translations. */
  const lookup = (path: string): string | undefined =>
    path
      .split('.')
      .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], zh) as
      string | undefined;
  const words: ValueWords = {
    field: (name) => lookup(`audit.fields.${name}`) ?? name,
    code: (e, code) => lookup(`enums.${e}.${code}`) ?? code,
    yes: zh.audit.yes,
    no: zh.audit.no,
    locale: 'zh',
  };

  it('puts values into words: codes, dates, yes/no, lists and nested records', () => {
    expect(showValue('PUBLISHED', 'status', 'RateTableVersion', words)).toBe('已发布');
    expect(showValue('SUPERVISOR', 'role', 'User', words)).toBe('监督人员');
    expect(showValue('ACCEPT', 'type', 'DiscretionCase', words)).toBe('受理');
    expect(showValue('DEPARTMENT', 'type', 'Organization', words)).toBe('市级部门');
    // A rejection's reason is free text: kept as written.
    expect(showValue('材料不全', 'reason', 'DiscretionCase', words)).toBe('材料不全');
    expect(showValue(['POLICY_ADDED', 'RATES_PUBLISHED'], 'kinds', 'Webhook', words)).toBe(
      '新增文件、价格表发布',
    );
    expect(showValue([], 'repealed', 'GazetteImport', words)).toBe('—');
    expect(showValue(true, 'keySupervision', 'DiscretionCase', words)).toBe('是');
    expect(showValue('2026-12-18T00:00:00.000Z', 'expiresOn', 'Policy', words)).toBe(
      '2026年12月18日',
    );
    // A timestamp on the Shanghai clock (UTC+8).
    expect(showValue('2026-12-04T18:38:00.000Z', 'publishedAt', 'RateTableVersion', words)).toBe(
      '2026年12月5日 02:38',
    );
    expect(showValue({ created: 9, updated: 0 }, 'policies', 'GazetteImport', words)).toBe(
      '新增：9；更新：0',
    );
    // A case event's row: its codes named, its bookkeeping (id, caseId, actorId) left out.
    expect(
      showValue(
        {
          id: 'e1',
          caseId: 'c1',
          type: 'ACCEPT',
          toState: 'UNDER_REVIEW',
          payload: { reviewDays: 30 },
        },
        'event',
        'DiscretionCase',
        words,
      ),
    ).toBe(
      `类型：受理；新状态：${zh.enums.CaseState.UNDER_REVIEW}；填写内容：审查评估期限（天）：30`,
    );
  });
});
