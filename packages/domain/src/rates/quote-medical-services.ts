import { DomainError, badInput } from '../shared/errors.ts';
import { Decimal, dec, roundMoney } from '../shared/money.ts';
import { parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type { RateEntry, RateTable, RateVersion } from './model.ts';
import { HOSPITAL_GRADE_LABELS, type HospitalGrade } from './hospital-grades.ts';
import { assertHospitalGrade } from './medical-service-price.ts';
import { medicalEntryKey } from './medical-table.ts';
import { findEntry, notInForceReason, versionInForce, versionPolicy } from './versions.ts';

export interface MedicalServiceQuoteItem {
  code: string;
  /** Units of the item's 计价单位; for 单精子注射 (卵·次) the number of eggs. */
  quantity: number;
}

export interface MedicalServiceQuoteInput {
  grade: HospitalGrade;
  asOf: PlainDate;
  items: MedicalServiceQuoteItem[];
}

export interface MedicalServiceQuoteLine {
  code: string;
  name: string;
  unit: string;
  quantity: number;
  /** Price of one unit (for a surcharge: rate × base price; for 单精子注射: the first egg). */
  unitPrice: Decimal;
  surchargeRate: Decimal | null;
  /** Exact line amount; money is rounded only in `total` (the API formats lines with formatMoney). */
  amount: Decimal;
  /** The grade's cap on the line, where the item has one. */
  cap: Decimal | null;
  capApplied: boolean;
  /** The rule that priced the line, in Chinese. */
  rule: string;
  article: string;
}

export interface MedicalServiceQuote {
  docNo: string;
  grade: HospitalGrade;
  asOf: PlainDate;
  /** Prices of this document are trial prices (试行价格). */
  isTrial: boolean;
  /** Sum of the lines, half-up to 0.01 yuan. */
  total: Decimal;
  lines: MedicalServiceQuoteLine[];
}

function notInForce(table: RateTable, code: string, asOf: PlainDate, field: string): DomainError {
  return new DomainError(
    'RATE_NOT_IN_FORCE',
    `项目 ${code}:${notInForceReason(table, asOf, '价格')}`,
    {
      field,
      details: { code, asOf },
    },
  );
}

function knownAnywhere(table: RateTable, code: string): boolean {
  return table.versions.some((v) => v.entries.some((e) => e.code === code));
}

function strings(entry: RateEntry, name: string): string[] {
  const v = entry.attributes[name];
  return Array.isArray(v) ? v.map(String) : [];
}

function article(entry: RateEntry, docNo: string): string {
  const seq = entry.attributes.seq;
  return seq === undefined ? `${docNo} 附件` : `${docNo} 附件 序号${String(seq)}`;
}

function checkItems(items: unknown): MedicalServiceQuoteItem[] {
  if (!Array.isArray(items) || items.length === 0)
    throw badInput('items', 'items(收费项目)不能为空');
  const seen = new Set<string>();
  return items.map((raw: MedicalServiceQuoteItem, i) => {
    const code = typeof raw?.code === 'string' ? raw.code.trim() : '';
    if (!code) throw badInput(`items[${i}].code`, `items[${i}].code(项目编码)不能为空`);
    if (!Number.isInteger(raw.quantity) || raw.quantity < 1) {
      throw badInput(
        `items[${i}].quantity`,
        `项目 ${code} 的数量(quantity)必须是正整数:${String(raw.quantity)}`,
      );
    }
    if (seen.has(code))
      throw badInput(`items[${i}].code`, `项目 ${code} 重复,请合并为一行并填写数量`);
    seen.add(code);
    return { code, quantity: raw.quantity };
  });
}

function priceLine(
  entry: RateEntry,
  quantity: number,
  grade: HospitalGrade,
  version: RateVersion,
  docNo: string,
  asOf: PlainDate,
  field: string,
): MedicalServiceQuoteLine {
  const code = entry.code ?? '';
  const base = {
    code,
    name: entry.name ?? '',
    unit: entry.unit ?? '',
    quantity,
    article: article(entry, docNo),
  };
  if (entry.amount === null) {
    // 附件 序号3/7: a percentage surcharge costs its rate × the base item's price, per unit.
    const baseEntry = entry.baseKey ? findEntry(version, entry.baseKey) : undefined;
    if (!baseEntry?.amount || !entry.rate) {
      throw new DomainError(
        'RATE_NOT_IN_FORCE',
        `项目 ${code} 的基准项目 ${entry.baseKey ?? ''} 在 ${asOf} 没有有效价格`,
        { field, details: { code, asOf } },
      );
    }
    const unitPrice = entry.rate.times(baseEntry.amount);
    const percent = entry.rate.times(100).toFixed();
    return {
      ...base,
      unitPrice,
      surchargeRate: entry.rate,
      amount: unitPrice.times(quantity),
      cap: null,
      capApplied: false,
      rule: `按${baseEntry.name ?? ''}(${baseEntry.code ?? ''})价格 ${baseEntry.amount.toFixed()} 元的 ${percent}% 加收,每${base.unit}`,
    };
  }
  const extraRate = entry.attributes.perExtraUnitRate;
  if (typeof extraRate === 'string') {
    // 附件 序号16 说明: first egg at the table price, each further egg adds perExtraUnitRate of it,
    // the line capped per grade (lineCap).
    const raw = entry.amount.plus(entry.amount.times(dec(extraRate)).times(quantity - 1));
    const capText = entry.attributes.lineCap;
    const cap = typeof capText === 'string' ? dec(capText) : null;
    const capApplied = cap !== null && raw.gt(cap);
    const percent = dec(extraRate).times(100).toFixed();
    return {
      ...base,
      unitPrice: entry.amount,
      surchargeRate: null,
      amount: capApplied && cap ? cap : raw,
      cap,
      capApplied,
      rule:
        `首个卵 ${entry.amount.toFixed()} 元,每增加一个卵加收 ${percent}%` +
        (cap ? `,${HOSPITAL_GRADE_LABELS[grade]}医疗机构总费用不超过 ${cap.toFixed()} 元` : '') +
        (capApplied ? `(按上限计 ${cap?.toFixed() ?? ''} 元)` : ''),
    };
  }
  const addOnTo = entry.attributes.addOnTo;
  return {
    ...base,
    unitPrice: entry.amount,
    surchargeRate: null,
    amount: entry.amount.times(quantity),
    cap: null,
    capApplied: false,
    rule:
      typeof addOnTo === 'string'
        ? `在 ${addOnTo} 基础上加收,${entry.amount.toFixed()} 元/${base.unit}`
        : `按价格表 ${entry.amount.toFixed()} 元/${base.unit}`,
  };
}

/**
 * Quotes items of 泸市医保规〔2024〕4号 for a hospital grade on a date: one line per item,
 * the total rounded half-up to 0.01 only at the end (contract README, `medicalServiceQuote`).
 * `table` is the medical service price table as loaded from the database.
 */
export function quoteMedicalServices(
  table: RateTable,
  input: MedicalServiceQuoteInput,
): MedicalServiceQuote {
  const grade = assertHospitalGrade(input.grade);
  const asOf = parsePlainDate(input.asOf, 'asOf');
  const items = checkItems(input.items);
  const version = versionInForce(table, asOf);
  const found = items.map((item) =>
    version ? findEntry(version, medicalEntryKey(item.code, grade)) : undefined,
  );

  // 附件 序号1 说明: 取卵术 is not billed together with B超下卵巢囊肿穿刺术 (311201038).
  const codes = new Set(items.map((i) => i.code));
  found.forEach((entry, i) => {
    const clash = entry ? strings(entry, 'notBilledWith').find((c) => codes.has(c)) : undefined;
    if (entry && clash) {
      throw badInput(
        `items[${i}].code`,
        `项目 ${entry.code ?? ''}(${entry.name ?? ''})不与 ${clash} 同时计费`,
      );
    }
  });

  const lines = items.map((item, i) => {
    const field = `items[${i}].code`;
    const entry = found[i];
    if (!version || !entry) {
      if (knownAnywhere(table, item.code)) throw notInForce(table, item.code, asOf, field);
      throw badInput(field, `未知的项目编码:${item.code}`, { code: item.code });
    }
    return priceLine(
      entry,
      item.quantity,
      grade,
      version,
      versionPolicy(table, version).docNo,
      asOf,
      field,
    );
  });
  const total = roundMoney(lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)));
  const setBy = version ? versionPolicy(table, version) : table.policy;
  return { docNo: setBy.docNo, grade, asOf, isTrial: setBy.isTrial ?? false, total, lines };
}
