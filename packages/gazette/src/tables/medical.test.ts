import { describe, expect, it } from 'vitest';
import { lineOf, lineText, readEdited, reading, tableOf } from '../testing/issue.ts';

const table = () => tableOf(reading(), 'MEDICAL_SERVICE_PRICE');
const item = (code: string) => {
  const found = table().items.find((i) => i.code === code);
  if (!found) throw new Error(`missing ${code}`);
  return found;
};
const repairsAt = (code: string) =>
  reading()
    .repairs.filter((r) => r.code === code)
    .map((r) => r.line);

describe('the medical price table of 泸市医保规〔2024〕4号', () => {
  it('reads the 17 items in order, as the notice announces (取卵术等17项)', () => {
    expect(table().items.map((i) => i.seq)).toEqual(Array.from({ length: 17 }, (_, k) => k + 1));
    expect(table().items[0]!.code).toBe('311201069');
    expect(table().items[16]!.code).toBe('311201079-1');
  });

  it('belongs to the policy and its two-year trial range', () => {
    expect(table()).toMatchObject({
      key: 'medical-service-prices',
      name: '泸州市公立医疗机构取卵术等医疗服务项目试行价格表',
      policyDocNo: '泸市医保规〔2024〕4号',
      effectiveFrom: '2024-11-01',
      effectiveTo: '2026-10-31',
      isTrial: true,
    });
  });

  it('prices 单精子注射 at 918 for 三甲 and 612 for 二乙以下', () => {
    expect(item('311201079').values).toEqual({
      TERTIARY_A: '918',
      TERTIARY_B: '842',
      SECONDARY_A: '765',
      SECONDARY_B: '689',
      BELOW_SECONDARY_B: '612',
    });
  });

  it('reads 311201070-1 囊胚培养 as a 39% surcharge of 311201070', () => {
    expect(item('311201070-1')).toMatchObject({
      priceKind: 'SURCHARGE_RATE',
      baseCode: '311201070',
      values: { TERTIARY_A: '0.39', BELOW_SECONDARY_B: '0.39' },
    });
  });

  it('reads 311201073-1 冻融胚胎 as a 68% surcharge of 311201073', () => {
    expect(item('311201073-1')).toMatchObject({
      priceKind: 'SURCHARGE_RATE',
      baseCode: '311201073',
    });
    expect(Object.values(item('311201073-1').values)).toEqual([
      '0.68',
      '0.68',
      '0.68',
      '0.68',
      '0.68',
    ]);
  });

  it('keeps absolute add-ons (显微镜下操作, 卵子激活) as amounts on their base item', () => {
    expect(item('311100020-1')).toMatchObject({ priceKind: 'AMOUNT', baseCode: '311100020' });
    expect(item('311100020-1').values.TERTIARY_A).toBe('2667');
    expect(item('311201079-1')).toMatchObject({ priceKind: 'AMOUNT', baseCode: '311201079' });
    expect(item('311201079-1').values.BELOW_SECONDARY_B).toBe('440');
  });

  it('reads rows 6–8 under the garbled 三甲 三甲 三甲… header in the five grade columns', () => {
    expect(item('311201073').values).toEqual({
      TERTIARY_A: '1358',
      TERTIARY_B: '1245',
      SECONDARY_A: '1132',
      SECONDARY_B: '1019',
      BELOW_SECONDARY_B: '905',
    });
    expect(item('311201074').values.BELOW_SECONDARY_B).toBe('1351');
    expect(repairsAt('GARBLED_GRADE_HEADER')).toEqual([1172]);
  });

  it('skips the 部门文件 page-break lines and the headers repeated on each page', () => {
    expect(repairsAt('TABLE_PAGE_HEAD').filter((l) => l > 1150)).toEqual([1164, 1177, 1192]);
    expect(repairsAt('REPEATED_HEADER').filter((l) => l > 1150)).toEqual([
      1166, 1171, 1179, 1185, 1194,
    ]);
  });

  it('reads rows 6–8 whose lines end in empty cells, and reports a filled cell past the grades', () => {
    expect(lineText(1173).endsWith('\t905\t\t\t')).toBe(true);
    expect(reading().problems.some((p) => p.code === 'MEDICAL_EXTRA_CELLS')).toBe(false);
    const r = readEdited({ 1173: lineText(1173).replace(/\t+$/u, '\t\t800') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 1173, code: 'MEDICAL_EXTRA_CELLS' }),
    );
  });

  it('reads the units, including 管·月, 卵·次 and 每个胚胎(卵)', () => {
    expect(item('311201071').unit).toBe('管·次');
    expect(item('311201072').unit).toBe('管·月');
    expect(item('311201079').unit).toBe('卵·次');
    expect(item('311201076').unit).toBe('每个胚胎(卵)');
  });

  it('keeps contents, exclusions and notes as printed, empty cells as null', () => {
    expect(item('311201069').contents).toMatch(/^服务产出:通过临床技术操作获得卵母细胞。/u);
    expect(item('311201069').exclusions).toBeNull();
    expect(item('311201069').notes).toBe('不与“B超下卵巢囊肿穿刺术(311201038)”同时计费');
    expect(item('311201070-1').contents).toBeNull();
  });

  it('reads the per-egg surcharge of 单精子注射 with each grade cap', () => {
    expect(item('311201079').extraUnit).toEqual({
      rate: '0.4',
      caps: {
        TERTIARY_A: '4223',
        TERTIARY_B: '3873',
        SECONDARY_A: '3519',
        SECONDARY_B: '3170',
        BELOW_SECONDARY_B: '2815',
      },
    });
    expect(item('311201069').extraUnit).toBeUndefined();
  });

  it('reads the two months of storage the freezing fee includes', () => {
    expect(item('311201071').includedMonths).toBe(2);
    expect(item('311201072').includedMonths).toBeUndefined();
  });

  it('keeps the two items printed with the same name and notes the pair for review', () => {
    expect(item('311201071').name).toBe(item('311201072').name);
    expect(reading().problems.some((p) => p.code === 'MEDICAL_DUPLICATE_NAME')).toBe(false);
    const note = reading().repairs.find((r) => r.code === 'MEDICAL_DUPLICATE_NAME');
    expect(note).toMatchObject({ line: 1169 });
    expect(note?.message).toContain('311201071');
    expect(note?.message).toContain('311201072');
  });

  it('gives every item the line of its row', () => {
    expect(item('311201069').line).toBe(1160);
    expect(item('311201073').line).toBe(1173);
    expect(item('311201079-1').line).toBe(1197);
    for (const i of table().items) expect(lineText(i.line), i.code).toContain(`\t${i.code}\t`);
  });
});

describe('medical table defects the reader must not guess', () => {
  const row16 = lineOf('311201079\t单精子注射');

  it('reports a price that rises from one grade to the next (a misread digit)', () => {
    const r = readEdited({ [row16]: lineText(row16).replace('\t918\t842\t', '\t918\t942\t') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: row16, code: 'MEDICAL_PRICE_ORDER' }),
    );
  });

  it('reports and leaves out a row whose price cannot be read', () => {
    const r = readEdited({ [row16]: lineText(row16).replace('\t918\t', '\t9l8\t') });
    expect(tableOf(r, 'MEDICAL_SERVICE_PRICE').items.some((i) => i.code === '311201079')).toBe(
      false,
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: row16, code: 'MEDICAL_PRICE_UNREADABLE' }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'MEDICAL_ITEM_COUNT' }));
    // The row is reported on its own line; its 序号 is not a gap and its add-on keeps its base.
    expect(r.problems.map((p) => p.code).sort()).toEqual([
      'MEDICAL_ITEM_COUNT',
      'MEDICAL_PRICE_UNREADABLE',
    ]);
  });

  it('reports a row missing from the table once, as a gap in 序号', () => {
    const r = readEdited({ [lineOf('311201075\t胚胎辅助孵化')]: null });
    expect(r.problems.filter((p) => p.code === 'MEDICAL_SEQ_GAP')).toEqual([
      expect.objectContaining({ message: '序号不连续:第9项的序号为10' }),
    ]);
  });

  it('reports a grade header it cannot read when no earlier header stands for it', () => {
    const r = readEdited({ 1159: '\t\t\t\t\t\t\t三甲\t三甲\t三甲\t三甲\t三甲' });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 1159, code: 'GRADE_HEADER_UNREADABLE' }),
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 1160, code: 'MEDICAL_NO_GRADES' }),
    );
  });

  it('reports incomplete caps instead of inventing one', () => {
    const r = readEdited({
      [row16]: lineText(row16).replace('二乙以下医疗机构计价总费用不超过2815元', ''),
    });
    const cell = tableOf(r, 'MEDICAL_SERVICE_PRICE').items.find((i) => i.code === '311201079')!;
    expect(cell.extraUnit).toBeUndefined();
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'MEDICAL_CAPS_INCOMPLETE' }));
  });
});

describe('a price table whose headers changed', () => {
  it('reports a missing column and the rows it leaves without a unit', () => {
    const r = readEdited({ 1158: lineText(1158).replace('计价单位', '单位') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 1158, code: 'MEDICAL_COLUMN_MISSING' }),
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 1160, code: 'MEDICAL_UNIT_MISSING' }),
    );
  });

  it('reports a table it no longer recognises instead of reading it as prices', () => {
    const r = readEdited({ 1158: lineText(1158).replace('编码', '代码') });
    expect(r.tables.find((t) => t.kind === 'MEDICAL_SERVICE_PRICE')).toBeUndefined();
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 1158, code: 'UNKNOWN_TABLE' }),
    );
  });
});
