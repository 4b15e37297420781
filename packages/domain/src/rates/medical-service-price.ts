import { badInput } from '../shared/errors.ts';
import type { Decimal } from '../shared/money.ts';
import { parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type { RateEntry, RateTable } from './model.ts';
import { HOSPITAL_GRADES, type HospitalGrade } from './hospital-grades.ts';
import { medicalEntryKey } from './medical-table.ts';
import { findEntry, versionInForce, versionPolicy } from './versions.ts';

export interface MedicalServicePrice {
  code: string;
  name: string;
  unit: string;
  grade: HospitalGrade;
  /** Yuan for priced items; null for percentage surcharges. */
  amount: Decimal | null;
  /** The fraction of the base item's price for surcharges (0.39); null otherwise. */
  surchargeRate: Decimal | null;
  /** The base item's code for surcharges. */
  baseCode: string | null;
  contents: string;
  exclusions: string;
  note: string;
  docNo: string;
}

export function assertHospitalGrade(grade: unknown, field = 'grade'): HospitalGrade {
  if (!HOSPITAL_GRADES.includes(grade as HospitalGrade)) {
    throw badInput(
      field,
      `${field}(医疗机构等级)无效:${String(grade)},应为 ${HOSPITAL_GRADES.join('、')} 之一`,
    );
  }
  return grade as HospitalGrade;
}

function text(entry: RateEntry, name: string): string {
  const v = entry.attributes[name];
  return typeof v === 'string' ? v : '';
}

export function medicalPriceFromEntry(
  entry: RateEntry,
  grade: HospitalGrade,
  docNo: string,
): MedicalServicePrice {
  return {
    code: entry.code ?? entry.dimensions.code ?? '',
    name: entry.name ?? '',
    unit: entry.unit ?? '',
    grade,
    amount: entry.amount,
    surchargeRate: entry.amount === null ? entry.rate : null,
    baseCode: entry.baseKey ? (entry.baseKey.split('|')[0] ?? null) : null,
    contents: text(entry, 'contents'),
    exclusions: text(entry, 'exclusions'),
    note: text(entry, 'note'),
    docNo,
  };
}

/**
 * The item of a medical service price table (泸市医保规〔2024〕4号 and later versions) for a grade
 * on a date, or null when no price is in force then (contract README, `medicalServicePrice`).
 * `table` is the table as loaded from the database.
 */
export function medicalServicePrice(
  table: RateTable,
  code: string,
  grade: HospitalGrade,
  asOf: PlainDate,
): MedicalServicePrice | null {
  assertHospitalGrade(grade);
  parsePlainDate(asOf, 'asOf');
  const version = versionInForce(table, asOf);
  if (!version) return null;
  const entry = findEntry(version, medicalEntryKey(code.trim(), grade));
  return entry ? medicalPriceFromEntry(entry, grade, versionPolicy(table, version).docNo) : null;
}
