import { badInput } from '../shared/errors.ts';
import { compareDates, parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type { RateTable } from './model.ts';
import type { HospitalGrade } from './medical-seed.ts';
import { MEDICAL_SERVICE_TABLE, medicalEntryKey } from './medical-table.ts';
import { quoteMedicalServices, type MedicalServiceQuote } from './quote-medical-services.ts';
import { findEntry, versionInForce } from './versions.ts';

export const CRYO_FREEZING_CODE = '311201071';
export const CRYO_STORAGE_CODE = '311201072';

export interface CryoStorageQuoteInput {
  grade: HospitalGrade;
  asOf: PlainDate;
  tubes: number;
  /** Months stored, counting the freezing month; a part-month counts as a whole one. */
  months: number;
}

export interface CryoStorageQuote extends MedicalServiceQuote {
  /** Months billed (part-months rounded up). */
  storageMonths: number;
  /** Months covered by the freezing fee. */
  coveredMonths: number;
  /** Months billed per tube under 311201072. */
  extraMonths: number;
}

/**
 * Calendar months from the freezing month through the month storage ends, both counted:
 * 附件 序号4 说明 counts storage "冷冻当月起", and a part-month is billed as a month (序号5 说明).
 */
export function cryoStorageMonths(frozenOn: PlainDate, storedUntil: PlainDate): number {
  parsePlainDate(frozenOn, 'frozenOn');
  parsePlainDate(storedUntil, 'storedUntil');
  if (compareDates(storedUntil, frozenOn) < 0) {
    throw badInput('storedUntil', `storedUntil(保存截止日)${storedUntil} 早于冷冻日期 ${frozenOn}`);
  }
  const index = (d: PlainDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return index(storedUntil) - index(frozenOn) + 1;
}

/**
 * Freezing plus storage of `tubes` tubes for `months` months: 311201071 once per tube covers
 * two months from the freezing month (附件 序号4), then 311201072 per tube per month, part-months
 * rounded up (附件 序号5).
 */
export function cryoStorageQuote(input: CryoStorageQuoteInput, table: RateTable = MEDICAL_SERVICE_TABLE): CryoStorageQuote {
  if (!Number.isInteger(input.tubes) || input.tubes < 1) {
    throw badInput('tubes', `tubes(管数)必须是正整数:${String(input.tubes)}`);
  }
  if (typeof input.months !== 'number' || !Number.isFinite(input.months) || input.months <= 0) {
    throw badInput('months', `months(保存月数)必须大于 0:${String(input.months)}`);
  }
  const storageMonths = Math.ceil(input.months);
  const version = versionInForce(table, input.asOf);
  const freezing = version ? findEntry(version, medicalEntryKey(CRYO_FREEZING_CODE, input.grade)) : undefined;
  const covered = typeof freezing?.attributes.coversMonths === 'number' ? freezing.attributes.coversMonths : 2;
  const extraMonths = Math.max(0, storageMonths - covered);
  const items = [{ code: CRYO_FREEZING_CODE, quantity: input.tubes }];
  if (extraMonths > 0) items.push({ code: CRYO_STORAGE_CODE, quantity: input.tubes * extraMonths });
  const quote = quoteMedicalServices({ grade: input.grade, asOf: input.asOf, items }, table);
  return { ...quote, storageMonths, coveredMonths: covered, extraMonths };
}
