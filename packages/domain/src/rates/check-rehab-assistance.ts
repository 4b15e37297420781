import { DomainError, badInput } from '../shared/errors.ts';
import { Decimal, parseDecimal, roundMoney, type DecimalLike } from '../shared/money.ts';
import {
  addYears,
  compareDates,
  parsePlainDate,
  plainDate,
  type PlainDate,
} from '../shared/plain-date.ts';
import type { RateEntry, RateTable } from './model.ts';
import {
  REHAB_SERVICE_LABELS,
  REHAB_SERVICES,
  type RehabCapPeriod,
  type RehabService,
} from './rehab-services.ts';
import { rehabEntryKey } from './rehab-table.ts';
import { findEntry, requireVersionInForce, versionPolicy } from './versions.ts';

export interface RehabAssistanceInput {
  birthDate: PlainDate;
  applicationDate: PlainDate;
  luzhouHukou: boolean;
  service: RehabService;
  requestedAmount: DecimalLike;
  /** Already received for the same service in the same calendar year. */
  fundedThisYear?: DecimalLike | null;
  /** When a device of the same type was last funded. */
  lastSameDeviceDate?: PlainDate | null;
  /** The county whose higher standard applies, if it has one. */
  county?: string | null;
}

export interface RehabFinding {
  reason: string;
  article: string;
}

export interface RehabAssistanceResult {
  eligible: boolean;
  service: RehabService;
  cap: Decimal;
  capPeriod: RehabCapPeriod;
  /** What the cap leaves this year (yearly caps) or the cap itself. */
  remaining: Decimal;
  /** Half-up to 0.01 yuan; 0 when not eligible. */
  approvedAmount: Decimal;
  /** Every rule that failed or bit, in Chinese. */
  reasons: string[];
  findings: RehabFinding[];
  /** The article of the standard applied (or of the first rule that failed). */
  article: string;
  docNo: string;
  /** The county whose standard was applied, or null for the city standard. */
  countyApplied: string | null;
  /** First day a device of the same type may be funded again, when the two-year rule applies. */
  nextDeviceDate: PlainDate | null;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The 15th birthday, the first day a child is no longer 0—14周岁. A child born on 29 February
 * turns 15 on 1 March in a common year: 28 February is still within the 15th year.
 */
export function fifteenthBirthday(birthDate: PlainDate): PlainDate {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + 15;
  if (m === 2 && d === 29 && !isLeap(year)) return plainDate(year, 3, 1);
  return plainDate(year, m, d);
}

function amount(
  value: DecimalLike | null | undefined,
  field: string,
  label: string,
  required: boolean,
): Decimal {
  if (value === undefined || value === null || value === '') {
    if (required) throw badInput(field, `${field}(${label})不能为空`);
    return new Decimal(0);
  }
  const d = value instanceof Decimal ? value : parseDecimal(value, field);
  if (d.isNegative()) throw badInput(field, `${field}(${label})不能为负数:${d.toFixed()}`);
  return d;
}

function standardFor(
  version: { entries: RateEntry[] },
  service: RehabService,
  county: string | null,
) {
  const own = county ? findEntry(version, rehabEntryKey(service, county)) : undefined;
  return { entry: own ?? findEntry(version, rehabEntryKey(service)), county: own ? county : null };
}

/**
 * Checks an application for child rehabilitation assistance against 泸市府规〔2024〕4号
 * 一 and 二(二) as in force on the application date (contract README, `rehabAssistanceCheck`).
 * `table` is the standards table as loaded from the database.
 */
export function checkRehabAssistance(
  table: RateTable,
  input: RehabAssistanceInput,
): RehabAssistanceResult {
  const birthDate = parsePlainDate(input.birthDate, 'birthDate');
  const applicationDate = parsePlainDate(input.applicationDate, 'applicationDate');
  if (compareDates(birthDate, applicationDate) > 0) {
    throw badInput('birthDate', `birthDate(出生日期)${birthDate} 晚于申请日期 ${applicationDate}`);
  }
  if (!REHAB_SERVICES.includes(input.service)) {
    throw badInput('service', `service(救助项目)无效:${String(input.service)}`);
  }
  if (typeof input.luzhouHukou !== 'boolean')
    throw badInput('luzhouHukou', 'luzhouHukou(泸州市户籍)必须填写是或否');
  const requested = amount(input.requestedAmount, 'requestedAmount', '申请金额', true);
  const funded = amount(input.fundedThisYear, 'fundedThisYear', '本年度已救助金额', false);
  const lastDevice = input.lastSameDeviceDate
    ? parsePlainDate(input.lastSameDeviceDate, 'lastSameDeviceDate')
    : null;
  if (lastDevice && compareDates(lastDevice, applicationDate) > 0) {
    throw badInput(
      'lastSameDeviceDate',
      `lastSameDeviceDate(上次同类辅具救助日期)${lastDevice} 晚于申请日期`,
    );
  }
  const county = input.county?.trim() || null;

  const version = requireVersionInForce(table, applicationDate, '残疾儿童康复救助标准');
  const docNo = versionPolicy(table, version).docNo;
  const { entry, county: countyApplied } = standardFor(version, input.service, county);
  if (!entry?.amount) {
    throw new DomainError(
      'RATE_NOT_IN_FORCE',
      `${applicationDate} 没有${REHAB_SERVICE_LABELS[input.service]}的救助标准`,
      {
        field: 'service',
      },
    );
  }
  const cap = entry.amount;
  const period = (entry.attributes.period as RehabCapPeriod | undefined) ?? 'PERSON';
  const repeatYears =
    typeof entry.attributes.repeatYears === 'number' ? entry.attributes.repeatYears : null;
  const capArticle = `${docNo} ${typeof entry.attributes.article === 'string' ? entry.attributes.article : '二(二)'}`;
  const label = REHAB_SERVICE_LABELS[input.service];

  const failed: RehabFinding[] = [];
  const bit: RehabFinding[] = [];
  // 一(一): 0—14周岁(含14周岁): eligible through the day before the 15th birthday.
  const turns15 = fifteenthBirthday(birthDate);
  if (compareDates(applicationDate, turns15) >= 0) {
    failed.push({
      reason: `申请日 ${applicationDate} 已满15周岁(${turns15} 满15周岁),不属于0—14周岁救助对象`,
      article: `${docNo} 一(一)`,
    });
  }
  // 一(二): 具有泸州市户籍.
  if (!input.luzhouHukou) failed.push({ reason: '不具有泸州市户籍', article: `${docNo} 一(二)` });
  // 二(二)3: other devices are not funded again within two years (limb orthoses: yearly).
  let nextDeviceDate: PlainDate | null = null;
  if (repeatYears !== null && lastDevice) {
    nextDeviceDate = addYears(lastDevice, repeatYears);
    if (compareDates(applicationDate, nextDeviceDate) < 0) {
      failed.push({
        reason: `${lastDevice} 已救助同一类型辅具(${label}),${repeatYears}年内不得再救助,${nextDeviceDate} 起可再申请`,
        article: capArticle,
      });
    }
  }
  if (countyApplied)
    bit.push({
      reason: `适用${countyApplied}提高后的救助标准 ${cap.toFixed()} 元`,
      article: `${docNo} 二(二)`,
    });

  const remaining = period === 'YEAR' ? Decimal.max(cap.minus(funded), 0) : cap;
  const eligible = failed.length === 0;
  let approved = new Decimal(0);
  if (eligible) {
    approved = Decimal.min(requested, remaining);
    if (period === 'YEAR' && funded.gt(0)) {
      bit.push({
        reason: remaining.isZero()
          ? `本年度已救助 ${funded.toFixed()} 元,已达${label}年度上限 ${cap.toFixed()} 元`
          : `本年度已救助 ${funded.toFixed()} 元,剩余额度 ${remaining.toFixed()} 元`,
        article: capArticle,
      });
    }
    if (requested.gt(remaining) && !remaining.isZero()) {
      bit.push({
        reason: `申请金额 ${requested.toFixed()} 元超过可救助额度,按 ${remaining.toFixed()} 元核定`,
        article: capArticle,
      });
    }
  }
  const findings = [...failed, ...bit];
  return {
    eligible,
    service: input.service,
    cap,
    capPeriod: period,
    remaining,
    approvedAmount: roundMoney(approved),
    reasons: findings.map((f) => f.reason),
    findings,
    article: failed[0]?.article ?? capArticle,
    docNo,
    countyApplied,
    nextDeviceDate,
  };
}
