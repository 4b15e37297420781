import { Decimal } from '@gazette/domain';
import type { GazetteDocument } from '../read-documents.ts';
import type { ReadReport } from '../report.ts';
import type { SeedLandFeeEntry, SeedLandTransferFeeTable, SeedLandUse } from '../seed-types.ts';
import { compact } from '../text.ts';
import type { TsvBlock } from '../tsv.ts';

// 泸市自然资规函〔2024〕425号 附件: the two land uses of the standards table.
export const LAND_USES: readonly { value: SeedLandUse; label: string }[] = [
  { value: 'COMMERCIAL', label: '商服用地' },
  { value: 'RESIDENTIAL', label: '住宅用地' },
];

const ROMAN: Record<string, number> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
  Ⅰ: 1,
  Ⅱ: 2,
  Ⅲ: 3,
  Ⅳ: 4,
  Ⅴ: 5,
  Ⅵ: 6,
  Ⅶ: 7,
  Ⅷ: 8,
  Ⅸ: 9,
  Ⅹ: 10,
};

/** `I 级` / `Ⅶ级` → 1 / 7; null otherwise. */
export function parseGrade(text: string): number | null {
  const m = /^([IVXⅠ-Ⅹ]+)级$/u.exec(compact(text));
  return m ? (ROMAN[m[1]!] ?? null) : null;
}

export function isLandHeader(cells: readonly string[]): boolean {
  return compact(cells[0] ?? '') === '土地用途';
}

const AMOUNT = /^\d+(?:\.\d+)?$/u;

/**
 * Reads the standards table of 泸市自然资规函〔2024〕425号. The land-use cell is merged down
 * its grades (printed once, `商服 用地`, then empty); residential land prints one column.
 */
export function readLandTable(
  block: TsvBlock,
  doc: GazetteDocument,
  report: ReadReport,
): SeedLandTransferFeeTable {
  const header = block.rows[0]!;
  const unitMatch = /[(\uFF08]([^()\uFF08\uFF09]+\/[^()\uFF08\uFF09]+)[)\uFF09]/u.exec(
    header.cells.join(''),
  );
  if (!unitMatch) report.problem(header.line, 'LAND_UNIT_MISSING', '出让金标准表未注明计量单位');
  const columns = block.rows[1]?.cells.map(compact) ?? [];
  const frontAt = columns.indexOf('临街且平街一层');
  const otherAt = columns.indexOf('其他');
  if (frontAt < 0 || otherAt < 0) {
    report.problem(
      block.rows[1]?.line ?? header.line,
      'LAND_COLUMNS',
      '未找到“临街且平街一层/其他”两列',
    );
  }

  const entries: SeedLandFeeEntry[] = [];
  let landUse: SeedLandUse | null = null;
  for (const row of block.rows.slice(2)) {
    const { cells, line } = row;
    if (isLandHeader(cells)) {
      report.repair(line, 'REPEATED_HEADER', '分页重复的表头已跳过');
      continue;
    }
    const useText = compact(cells[0] ?? '');
    if (useText !== '') {
      const use = LAND_USES.find((u) => u.label === useText);
      if (!use) {
        report.problem(line, 'LAND_USE_UNKNOWN', `无法识别的土地用途:${cells[0]}`);
        landUse = null;
        continue;
      }
      landUse = use.value;
      if (cells[0] !== useText)
        report.repair(line, 'OCR_SPACE', `土地用途“${cells[0]}”读作“${useText}”`);
    } else if (!landUse) {
      report.problem(line, 'LAND_USE_MISSING', '该行没有土地用途,上方也没有合并单元格');
      continue;
    }
    const grade = parseGrade(cells[1] ?? '');
    if (grade === null) {
      report.problem(line, 'LAND_GRADE', `无法识别的基准地价级别:${cells[1] ?? ''}`);
      continue;
    }
    const front = compact(cells[frontAt] ?? '');
    const other = compact(cells[otherAt] ?? '');
    for (const [text, name] of [
      [front, '临街且平街一层'],
      [other, '其他'],
    ] as const) {
      if (text !== '' && !AMOUNT.test(text)) {
        report.problem(
          line,
          'LAND_AMOUNT',
          `${useText || landUse} ${grade}级 ${name} 的标准无法识别:${text}`,
        );
      }
    }
    if (!AMOUNT.test(front)) continue;
    if (AMOUNT.test(other)) {
      entries.push({
        landUse,
        grade,
        frontage: 'STREET_FRONT_GROUND_FLOOR',
        amount: new Decimal(front).toString(),
        line,
      });
      entries.push({
        landUse,
        grade,
        frontage: 'OTHER',
        amount: new Decimal(other).toString(),
        line,
      });
    } else if (other === '' && landUse === 'RESIDENTIAL') {
      // 住宅用地 prints one standard per grade, whatever the frontage.
      entries.push({
        landUse,
        grade,
        frontage: 'ANY',
        amount: new Decimal(front).toString(),
        line,
      });
    } else if (other === '') {
      report.problem(line, 'LAND_OTHER_MISSING', `商服用地 ${grade}级 缺少“其他”标准`);
    }
  }
  checkGrades(entries, block, report);
  return {
    key: 'land-transfer-fees',
    kind: 'LAND_TRANSFER_FEE',
    name: block.caption,
    policyDocNo: doc.docNo,
    effectiveFrom: doc.effectiveFrom,
    effectiveTo: doc.expiresOn,
    unit: unitMatch ? compact(unitMatch[1]!) : '',
    landUses: LAND_USES.map((u) => ({ ...u })),
    entries,
  };
}

function checkGrades(
  entries: readonly SeedLandFeeEntry[],
  block: TsvBlock,
  report: ReadReport,
): void {
  for (const use of LAND_USES) {
    const grades = [...new Set(entries.filter((e) => e.landUse === use.value).map((e) => e.grade))];
    const expected = Array.from({ length: grades.length }, (_, k) => k + 1);
    if (grades.length === 0 || grades.join() !== expected.join()) {
      report.problem(
        block.startLine,
        'LAND_GRADES',
        `${use.label} 的级别不完整或乱序:${grades.join(',')}`,
      );
    }
  }
}
