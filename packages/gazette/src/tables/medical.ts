import { Decimal } from '@gazette/domain';
import type { GazetteDocument } from '../read-documents.ts';
import type { ReadReport } from '../report.ts';
import type { SeedHospitalGrade, SeedMedicalItem, SeedMedicalPriceTable } from '../seed-types.ts';
import { compact } from '../text.ts';
import { sameRow, type TsvBlock } from '../tsv.ts';

// 泸市医保规〔2024〕4号 附件: the five grades of public hospitals, in the printed order.
export const GRADE_LABELS: readonly { value: SeedHospitalGrade; label: string }[] = [
  { value: 'TERTIARY_A', label: '三甲' },
  { value: 'TERTIARY_B', label: '三乙' },
  { value: 'SECONDARY_A', label: '二甲' },
  { value: 'SECONDARY_B', label: '二乙' },
  { value: 'BELOW_SECONDARY_B', label: '二乙以下' },
];
const GRADE_BY_LABEL = new Map(GRADE_LABELS.map((g) => [g.label, g.value]));

const COLUMNS = ['序号', '编码', '项目名称', '项目内涵', '除外内容', '计价单位', '说明'] as const;
const PRICE_HEADER = '价格(元)';

/** True for the header row of a medical price table. */
export function isMedicalHeader(cells: readonly string[]): boolean {
  const c = cells.map(compact);
  return c[0] === '序号' && c.includes('编码') && c.some((x) => x.startsWith('价格'));
}

const AMOUNT = /^\d+(?:\.\d+)?$/u;
const PERCENT = /^(\d+(?:\.\d+)?)%$/u;

function percentToFraction(text: string): string {
  return new Decimal(text).div(100).toString();
}

/** `每增加一个卵加收40%` with the per-grade `计价总费用不超过4223元` caps (311201079). */
function extraUnitOf(
  notes: string,
  line: number,
  code: string,
  report: ReadReport,
): SeedMedicalItem['extraUnit'] {
  const add = /每增加一个.{1,3}?加收(\d+(?:\.\d+)?)%/u.exec(notes);
  if (!add) return undefined;
  const caps: Partial<Record<SeedHospitalGrade, string>> = {};
  const capPattern = /(三甲|三乙|二甲|二乙以下|二乙)医疗机构计价总费用不超过(\d+(?:\.\d+)?)元/gu;
  for (const m of notes.matchAll(capPattern)) caps[GRADE_BY_LABEL.get(m[1]!)!] = m[2]!;
  if (GRADE_LABELS.some((g) => caps[g.value] === undefined)) {
    report.problem(
      line,
      'MEDICAL_CAPS_INCOMPLETE',
      `${code} 说明中的封顶价不全,未录入逐个加收规则`,
    );
    return undefined;
  }
  return { rate: percentToFraction(add[1]!), caps: caps as Record<SeedHospitalGrade, string> };
}

/** The grade columns of a grade header row, or null when it is not a usable header. */
function gradesOf(cells: readonly string[], priceAt: number): SeedHospitalGrade[] | null {
  const grades = cells.slice(priceAt).map((c) => GRADE_BY_LABEL.get(compact(c)));
  if (grades.length !== GRADE_LABELS.length || grades.some((g) => g === undefined)) return null;
  if (new Set(grades).size !== grades.length) return null;
  return grades as SeedHospitalGrade[];
}

/**
 * Reads the price table of 泸市医保规〔2024〕4号: repeated headers on every page, page-break
 * lines, trailing empty cells, and a grade header OCR'd as `三甲 三甲 三甲…` (the table's first
 * grade header then stands for it, as the columns are the same).
 */
export function readMedicalTable(
  block: TsvBlock,
  doc: GazetteDocument,
  expectedItems: number | null,
  report: ReadReport,
): SeedMedicalPriceTable {
  const header = block.rows[0]!.cells;
  const at = (name: string) => header.findIndex((c) => compact(c) === name);
  const index = Object.fromEntries(COLUMNS.map((n) => [n, at(n)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const priceAt = header.findIndex((c) => compact(c).startsWith('价格'));
  for (const [name, i] of Object.entries(index)) {
    if (i < 0)
      report.problem(block.rows[0]!.line, 'MEDICAL_COLUMN_MISSING', `价格表缺少“${name}”列`);
  }
  if (compact(header[priceAt] ?? '') !== PRICE_HEADER) {
    report.problem(block.rows[0]!.line, 'MEDICAL_PRICE_UNIT', `价格列标题不是“${PRICE_HEADER}”`);
  }

  const table: SeedMedicalPriceTable = {
    key: 'medical-service-prices',
    kind: 'MEDICAL_SERVICE_PRICE',
    name: block.caption,
    policyDocNo: doc.docNo,
    effectiveFrom: doc.effectiveFrom,
    effectiveTo: doc.expiresOn,
    isTrial: doc.isTrial,
    grades: GRADE_LABELS.map((g) => ({ ...g })),
    items: [],
  };
  // Without the code or the price columns no row can be placed: read none rather than guess.
  if (index.编码 < 0 || priceAt < 0) return table;

  let firstGrades: SeedHospitalGrade[] | null = null;
  let grades: SeedHospitalGrade[] | null = null;
  const items: SeedMedicalItem[] = [];
  // Rows reported with their line and left out: they still hold their 序号 and 编码.
  const reported: { seq: number; code: string }[] = [];
  const cell = (cells: readonly string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');

  for (const row of block.rows) {
    const { cells, line } = row;
    if (isMedicalHeader(cells)) {
      if (row !== block.rows[0] && sameRow(cells, header)) {
        report.repair(line, 'REPEATED_HEADER', '分页重复的表头已跳过');
      }
      continue;
    }
    if (cells[0] === '' && cells.slice(priceAt).some((c) => c !== '')) {
      const read = gradesOf(cells, priceAt);
      if (read) {
        grades = read;
        firstGrades ??= read;
      } else if (firstGrades && cells.slice(priceAt).length === firstGrades.length) {
        grades = firstGrades;
        report.repair(
          line,
          'GARBLED_GRADE_HEADER',
          `等级表头识别为“${cells.slice(priceAt).join(' ')}”,按本表首个表头(${GRADE_LABELS.map((g) => g.label).join(' ')})读取`,
        );
      } else {
        grades = null;
        report.problem(line, 'GRADE_HEADER_UNREADABLE', `无法识别的等级表头:${cells.join(' ')}`);
      }
      continue;
    }
    if (!/^\d+$/u.test(cells[0] ?? '')) {
      report.problem(line, 'MEDICAL_ROW_UNREADABLE', `无法识别的价格表行:${cells.join(' | ')}`);
      continue;
    }
    const seq = Number(cells[0]);
    const code = compact(cell(cells, index.编码));
    if (!grades) {
      report.problem(line, 'MEDICAL_NO_GRADES', `${code} 之前没有可用的等级表头,未录入`);
      reported.push({ seq, code });
      continue;
    }
    if (!/^\d{9}(?:-\d+)?$/u.test(code)) {
      report.problem(line, 'MEDICAL_CODE', `序号${seq} 的编码无法识别:${code}`);
      reported.push({ seq, code });
      continue;
    }
    const extra = cells.slice(priceAt + grades.length).filter((c) => c !== '');
    if (extra.length > 0) {
      report.problem(line, 'MEDICAL_EXTRA_CELLS', `${code} 行末多出单元格:${extra.join(' ')}`);
    }
    const raw = grades.map((_, k) => compact(cells[priceAt + k] ?? ''));
    const kind = raw.every((v) => PERCENT.test(v))
      ? 'SURCHARGE_RATE'
      : raw.every((v) => AMOUNT.test(v))
        ? 'AMOUNT'
        : null;
    if (!kind) {
      report.problem(line, 'MEDICAL_PRICE_UNREADABLE', `${code} 的价格无法识别:${raw.join(' ')}`);
      reported.push({ seq, code });
      continue;
    }
    const values = {} as Record<SeedHospitalGrade, string>;
    grades.forEach((g, k) => {
      values[g] =
        kind === 'AMOUNT'
          ? new Decimal(raw[k]!).toString()
          : percentToFraction(PERCENT.exec(raw[k]!)![1]!);
    });
    const notes = cell(cells, index.说明) || null;
    const item: SeedMedicalItem = {
      seq,
      code,
      baseCode: code.includes('-') ? code.slice(0, code.indexOf('-')) : null,
      name: compact(cell(cells, index.项目名称)),
      contents: cell(cells, index.项目内涵) || null,
      exclusions: cell(cells, index.除外内容) || null,
      unit: compact(cell(cells, index.计价单位)),
      notes,
      priceKind: kind,
      values,
      line,
    };
    const extraUnit = notes ? extraUnitOf(notes, line, code, report) : undefined;
    if (extraUnit) item.extraUnit = extraUnit;
    const months = notes ? /保存(\d+)个月的费用/u.exec(notes) : null;
    if (months) item.includedMonths = Number(months[1]);
    if (item.unit === '') report.problem(line, 'MEDICAL_UNIT_MISSING', `${code} 没有计价单位`);
    checkItem(item, line, report);
    items.push(item);
  }

  checkTable(items, reported, block, expectedItems, report);
  return { ...table, items };
}

function checkItem(item: SeedMedicalItem, line: number, report: ReadReport): void {
  if (item.priceKind !== 'AMOUNT') return;
  // Prices fall from 三甲 to 二乙以下 in every row of the table; a rise means a misread digit.
  const amounts = GRADE_LABELS.map((g) => new Decimal(item.values[g.value]));
  for (let k = 1; k < amounts.length; k++) {
    if (amounts[k]!.gt(amounts[k - 1]!)) {
      report.problem(line, 'MEDICAL_PRICE_ORDER', `${item.code} 的价格未按等级递减,请核对`);
      return;
    }
  }
}

function checkTable(
  items: readonly SeedMedicalItem[],
  reported: readonly { seq: number; code: string }[],
  block: TsvBlock,
  expectedItems: number | null,
  report: ReadReport,
): void {
  // A row already reported on its own line is not a gap; the first gap is reported once.
  const seqs = [...items, ...reported].map((r) => r.seq).sort((a, b) => a - b);
  const gap = seqs.findIndex((seq, k) => seq !== k + 1);
  if (gap >= 0) {
    report.problem(
      block.startLine,
      'MEDICAL_SEQ_GAP',
      `序号不连续:第${gap + 1}项的序号为${seqs[gap]}`,
    );
  }
  items.forEach((item) => {
    const printed = (code: string) => [...items, ...reported].some((i) => i.code === code);
    if (item.baseCode && !printed(item.baseCode)) {
      report.problem(
        block.startLine,
        'MEDICAL_BASE_MISSING',
        `${item.code} 的主项目 ${item.baseCode} 不在表中`,
      );
    }
    if (item.priceKind === 'SURCHARGE_RATE' && !item.baseCode) {
      report.problem(
        block.startLine,
        'MEDICAL_SURCHARGE_BASE',
        `${item.code} 为百分比加收但无主项目`,
      );
    }
    // Two codes printed with one name (311201071/311201072 组织/体细胞冷冻): the codes tell
    // them apart, so the names are kept as printed and the pair is noted for review.
    const twin = items.find((i) => i !== item && i.name === item.name);
    if (twin && twin.seq > item.seq) {
      report.repair(
        twin.line,
        'MEDICAL_DUPLICATE_NAME',
        `${item.code} 与 ${twin.code} 的项目名称同为“${item.name}”(按原文录入,编码不同)`,
      );
    }
  });
  if (expectedItems !== null && items.length !== expectedItems) {
    report.problem(
      block.startLine,
      'MEDICAL_ITEM_COUNT',
      `价格表读出${items.length}项,通知正文为${expectedItems}项`,
    );
  }
}
