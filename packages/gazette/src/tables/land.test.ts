import { describe, expect, it } from 'vitest';
import { lineText, readEdited, reading, tableOf } from '../testing/issue.ts';
import { parseGrade } from './land.ts';

const table = () => tableOf(reading(), 'LAND_TRANSFER_FEE');
const amount = (landUse: string, grade: number, frontage: string) =>
  table().entries.find((e) => e.landUse === landUse && e.grade === grade && e.frontage === frontage)
    ?.amount;

describe('the land transfer fee standards of 泸市自然资规函〔2024〕425号', () => {
  it('reads 14 commercial cells and 7 residential ones', () => {
    expect(table().entries.filter((e) => e.landUse === 'COMMERCIAL')).toHaveLength(14);
    expect(table().entries.filter((e) => e.landUse === 'RESIDENTIAL')).toHaveLength(7);
  });

  it('reads 商服 I 临街 1425 and 其他 475', () => {
    expect(amount('COMMERCIAL', 1, 'STREET_FRONT_GROUND_FLOOR')).toBe('1425');
    expect(amount('COMMERCIAL', 1, 'OTHER')).toBe('475');
  });

  it('carries the merged 商服 用地 cell down to grades II–VII', () => {
    expect(amount('COMMERCIAL', 2, 'STREET_FRONT_GROUND_FLOOR')).toBe('935');
    expect(amount('COMMERCIAL', 7, 'OTHER')).toBe('104');
  });

  it('gives residential land one standard per grade whatever the frontage (住宅 VII 140)', () => {
    expect(amount('RESIDENTIAL', 7, 'ANY')).toBe('140');
    expect(amount('RESIDENTIAL', 1, 'ANY')).toBe('368');
    expect(table().entries.some((e) => e.landUse === 'RESIDENTIAL' && e.frontage !== 'ANY')).toBe(
      false,
    );
  });

  it('takes its unit, name and range from the table and the policy', () => {
    expect(table()).toMatchObject({
      name: '泸州市中心城区商业用房与住宅房屋出让金标准表',
      unit: '元/建筑平方米',
      policyDocNo: '泸市自然资规函〔2024〕425号',
      effectiveFrom: '2025-01-08',
      effectiveTo: '2030-01-07',
    });
  });

  it('reads the land-use labels broken by OCR spaces (商服 用地)', () => {
    expect(
      reading().repairs.filter((r) => r.code === 'OCR_SPACE' && r.line >= 798 && r.line <= 805),
    ).toHaveLength(2);
  });

  it('gives every cell the line of its row', () => {
    const line = (landUse: string, grade: number) => [
      ...new Set(
        table()
          .entries.filter((e) => e.landUse === landUse && e.grade === grade)
          .map((e) => e.line),
      ),
    ];
    expect(line('COMMERCIAL', 1)).toEqual([798]);
    expect(line('COMMERCIAL', 7)).toEqual([804]);
    expect(line('RESIDENTIAL', 1)).toEqual([805]);
    expect(line('RESIDENTIAL', 7)).toEqual([811]);
  });

  it('parses roman grades with or without the space, ASCII or Unicode', () => {
    expect(parseGrade('I 级')).toBe(1);
    expect(parseGrade('VII 级')).toBe(7);
    expect(parseGrade('Ⅳ级')).toBe(4);
    expect(parseGrade('八级')).toBeNull();
  });
});

describe('land table defects the reader reports', () => {
  it('reports a commercial grade without its 其他 standard', () => {
    const r = readEdited({ 801: '\tIV 级\t678\t' });
    expect(
      tableOf(r, 'LAND_TRANSFER_FEE').entries.some(
        (e) => e.landUse === 'COMMERCIAL' && e.grade === 4,
      ),
    ).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 801, code: 'LAND_OTHER_MISSING' }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'LAND_GRADES' }));
  });

  it('reports a land use it does not know', () => {
    const r = readEdited({ 805: lineText(805).replace('住宅 用地', '工业 用地') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 805, code: 'LAND_USE_UNKNOWN' }),
    );
  });

  it('reports an unreadable standard', () => {
    const r = readEdited({ 803: '\tVI 级\t3OO\t150' });
    expect(r.problems).toContainEqual(expect.objectContaining({ line: 803, code: 'LAND_AMOUNT' }));
  });
});
