import { describe, expect, it } from 'vitest';
import {
  applySummary,
  attributeChanges,
  cutToChange,
  entryLabel,
  lineAt,
  lineOffsets,
} from './review.ts';
import type { ImportDocument, ImportTable } from '../dataProvider/gazetteImports.ts';

const zh: Record<string, string> = {
  'enums.HospitalGrade.TERTIARY_A': '三甲',
  'enums.LandUse.COMMERCIAL': '商服用地',
  'enums.RehabService.SURGERY': '手术',
};
const translate = (key: string, options?: Record<string, unknown>) =>
  zh[key] ?? String(options?._ ?? key);

const doc = (
  docNo: string,
  change: ImportDocument['change'],
  repeals: string[] = [],
): ImportDocument => ({
  docNo,
  change,
  repeals,
  title: docNo,
  category: 'DEPARTMENT',
  issuers: [],
  signedOn: '2025-03-20',
  effectiveFrom: '2025-04-01',
  expiresOn: null,
  isTrial: false,
  page: 1,
  lineFrom: 1,
  lineTo: 2,
  articleCount: 0,
  fields: [],
  textDiff: [],
});
const table = (action: ImportTable['action']): ImportTable => ({
  kind: 'MEDICAL_SERVICE_PRICE',
  docNo: '泸市医保规〔2025〕1号',
  name: '价格表',
  tableKey: 'medical-service-prices',
  action,
  effectiveFrom: '2025-04-01',
  entryCount: 85,
  lineFrom: 211,
  lineTo: 250,
  changes: [],
});

describe('entryLabel', () => {
  it('names a medical entry by item, code and grade label, never the raw key', () => {
    expect(
      entryLabel(
        'MEDICAL_SERVICE_PRICE',
        { key: '311201069|TERTIARY_A', name: '取卵术' },
        translate,
      ),
    ).toEqual({ item: '取卵术', code: '311201069', point: '三甲' });
  });
  it('does not repeat what a land entry’s name already says', () => {
    const label = entryLabel(
      'LAND_TRANSFER_FEE',
      { key: 'COMMERCIAL|1|STREET_FRONT_GROUND_FLOOR', name: '商服用地 一级 临街且平街一层' },
      translate,
    );
    expect(label.item).toBe('商服用地 一级 临街且平街一层');
    expect(label.point).not.toContain('商服用地');
    expect(label.point).not.toContain('STREET_FRONT');
  });
  it('falls back to the key parts for an unknown kind', () => {
    expect(entryLabel('OTHER', { key: 'A|B', name: null }, translate)).toEqual({
      item: 'A|B',
      code: null,
      point: 'A · B',
    });
  });
});

describe('attributeChanges', () => {
  it('lists only the attributes that differ, long texts cut to the change', () => {
    const note = (cap: number) =>
      `“单精子注射”每增加一个卵加收40%,公立三甲医疗机构计价总费用不超过${cap}元、三乙医疗机构计价总费用不超过3873元。`;
    const changes = attributeChanges(
      JSON.stringify({ seq: 16, note: note(4223), lineCap: '4223', perExtraUnitRate: '0.4' }),
      JSON.stringify({ seq: 16, lineCap: '4300', note: note(4300), perExtraUnitRate: '0.4' }),
    );
    expect(changes.map((c) => c.attribute)).toEqual(['note', 'lineCap']);
    expect(changes[1]).toEqual({ attribute: 'lineCap', before: '4223', after: '4300' });
    expect(changes[0]!.before).toMatch(/^….*不超过4223元.*…$/u);
    expect(changes[0]!.after).toContain('不超过4300元');
  });
  it('treats unreadable or missing JSON as no attributes', () => {
    expect(attributeChanges(null, '{"a":1}')).toEqual([{ attribute: 'a', before: '', after: '1' }]);
    expect(attributeChanges('not json', null)).toEqual([]);
  });
  it('keeps short texts whole', () => {
    expect(cutToChange('1769', '1800')).toEqual({ before: '1769', after: '1800' });
  });
});

describe('applySummary', () => {
  it('names new and changed documents, new versions, repeals and new quarters', () => {
    const s = applySummary({
      documents: [
        doc('A', 'NEW', ['泸市医保规〔2024〕4号']),
        doc('B', 'UNCHANGED', ['X']),
        doc('C', 'CHANGED'),
      ],
      tables: [table('NEW_VERSION'), table('UNCHANGED')],
      inspectionQuarters: ['2025Q1', '2024Q4'],
      notes: [
        { line: 0, code: 'QUARTER_EXISTS', message: '2024Q4 的检查结果已在数据库中,保留现有数据' },
      ],
    });
    expect(s.newDocuments.map((d) => d.docNo)).toEqual(['A']);
    expect(s.changedDocuments.map((d) => d.docNo)).toEqual(['C']);
    expect(s.newVersions).toHaveLength(1);
    expect(s.repeals).toEqual([{ docNo: '泸市医保规〔2024〕4号', by: 'A' }]);
    expect(s.quarters).toEqual(['2025Q1']);
    expect(s.empty).toBe(false);
  });
  it('is empty for an issue that is already applied', () => {
    const s = applySummary({
      documents: [doc('A', 'UNCHANGED')],
      tables: [table('UNCHANGED')],
      inspectionQuarters: ['2024Q4'],
      notes: [{ line: 0, code: 'QUARTER_EXISTS', message: '2024Q4 的检查结果已在数据库中' }],
    });
    expect(s.empty).toBe(true);
  });
});

describe('lines of the text', () => {
  const text = 'a\nbc\n\ndef';
  it('finds a line’s offsets', () => {
    expect(lineOffsets(text, 1)).toEqual([0, 1]);
    expect(lineOffsets(text, 2)).toEqual([2, 4]);
    expect(lineOffsets(text, 3)).toEqual([5, 5]);
    expect(lineOffsets(text, 4)).toEqual([6, 9]);
    expect(lineOffsets(text, 99)).toEqual([6, 9]);
  });
  it('finds the line of an offset', () => {
    expect([0, 2, 4, 5, 6, 9].map((o) => lineAt(text, o))).toEqual([1, 2, 2, 3, 4, 4]);
  });
});
