import { describe, expect, it } from 'vitest';
import { actionKey, displayAction, entityKey, fieldChanges, showValue } from './labels.ts';
import { zh } from '../i18n/zh.ts';
import { ACTIONS, ENTITIES } from './labels.ts';

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
    expect(showValue('2026-12-18T00:00:00.000Z')).toBe('2026-12-18');
    expect(showValue(null)).toBe('—');
  });
});
