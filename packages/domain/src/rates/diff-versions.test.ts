import { describe, expect, it } from 'vitest';
import { dec } from '../shared/money.ts';
import { diffVersions } from './diff-versions.ts';
import { medicalServiceTableFixture } from '../../test/fixtures/rate-tables.ts';
import type { RateEntry } from './model.ts';

const entries = medicalServiceTableFixture().versions[0]?.entries ?? [];

describe('diffVersions', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffVersions({ entries }, { entries })).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports a changed amount with its field', () => {
    const next = entries.map((e): RateEntry =>
      e.key === '311201069|TERTIARY_A' ? { ...e, amount: dec('1800') } : e,
    );
    const diff = diffVersions({ entries }, { entries: next });
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.key).toBe('311201069|TERTIARY_A');
    expect(diff.changed[0]?.fields).toEqual(['amount']);
  });

  it('treats 1769 and 1769.00 as the same amount', () => {
    const next = entries.map((e): RateEntry =>
      e.key === '311201069|TERTIARY_A' ? { ...e, amount: dec('1769.00') } : e,
    );
    expect(diffVersions({ entries }, { entries: next }).changed).toEqual([]);
  });

  it('reports added and removed entries by key', () => {
    const next = entries.filter((e) => !e.key.startsWith('311201079-1|'));
    next.push({ ...entries[0]!, key: '311201080|TERTIARY_A', code: '311201080' });
    const diff = diffVersions({ entries }, { entries: next });
    expect(diff.removed.map((e) => e.key)).toHaveLength(5);
    expect(diff.added.map((e) => e.key)).toEqual(['311201080|TERTIARY_A']);
  });

  it('reports attribute changes regardless of key order', () => {
    const a = { ...entries[0]!, attributes: { x: 1, y: 2 } };
    const same = { ...a, attributes: { y: 2, x: 1 } };
    const changed = { ...a, attributes: { x: 1, y: 3 } };
    expect(diffVersions({ entries: [a] }, { entries: [same] }).changed).toEqual([]);
    expect(diffVersions({ entries: [a] }, { entries: [changed] }).changed[0]?.fields).toEqual([
      'attributes',
    ]);
  });
});
