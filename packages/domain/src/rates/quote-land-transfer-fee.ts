import { DomainError, badInput } from '../shared/errors.ts';
import { Decimal, parseDecimal, roundMoney, type DecimalLike } from '../shared/money.ts';
import { parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type { RateTable } from './model.ts';
import {
  FRONTAGE_LABELS,
  LAND_USE_LABELS,
  LAND_USES,
  type Frontage,
  type LandUse,
} from './land-uses.ts';
import { landEntryKey } from './land-table.ts';
import { findEntry, requireVersionInForce, versionPolicy } from './versions.ts';

export interface LandTransferFeeInput {
  landUse: LandUse;
  /** 基准地价级别 1–7 (I–VII). */
  grade: number;
  /** 临街且平街一层 (commercial only; residential has one standard). */
  streetFrontGroundFloor?: boolean;
  /** 房屋建筑面积, m². */
  floorArea: DecimalLike;
  /** 年期修正系数. */
  termCoefficient: DecimalLike;
  /** 房改房 (article 二(三)). */
  housingReform?: boolean;
  /** Appraisal of a disputed street-front ground floor (article 二(八)), yuan. */
  appraisedAmount?: DecimalLike | null;
  asOf: PlainDate;
}

export interface LandTransferFeeStep {
  rule: string;
  article: string;
  /** The running amount after this step (exact). */
  amount: Decimal;
}

export interface LandTransferFeeQuote {
  docNo: string;
  landUse: LandUse;
  grade: number;
  /** The column of the standards table applied. */
  frontage: Frontage;
  standardPerSqm: Decimal;
  floorArea: Decimal;
  termCoefficient: Decimal;
  /** floorArea × standard × coefficient, exact. */
  standardFee: Decimal;
  basis: 'STANDARD' | 'APPRAISAL';
  appraisedAmount: Decimal | null;
  housingReform: boolean;
  /** The fee, half-up to 0.01 yuan. */
  amount: Decimal;
  steps: LandTransferFeeStep[];
}

const art = (docNo: string, article: string) => `${docNo} ${article}`;

function toDecimal(value: DecimalLike, field: string, label: string): Decimal {
  if (value instanceof Decimal) return value;
  if (value === undefined || value === null || value === '')
    throw badInput(field, `${field}(${label})不能为空`);
  return parseDecimal(value, field);
}

function positive(value: DecimalLike, field: string, label: string): Decimal {
  const d = toDecimal(value, field, label);
  if (d.lte(0)) throw badInput(field, `${field}(${label})必须大于 0:${d.toFixed()}`);
  return d;
}

/**
 * The land transfer fee of 泸市自然资规函〔2024〕425号 for a shared-parcel unit on `asOf`
 * (contract README, `landTransferFeeQuote`). `table` is the standards table as loaded from the
 * database.
 */
export function quoteLandTransferFee(
  table: RateTable,
  input: LandTransferFeeInput,
): LandTransferFeeQuote {
  if (!LAND_USES.includes(input.landUse)) {
    throw badInput(
      'landUse',
      `landUse(土地用途)无效:${String(input.landUse)},应为 COMMERCIAL 或 RESIDENTIAL`,
    );
  }
  if (!Number.isInteger(input.grade) || input.grade < 1 || input.grade > 7) {
    throw badInput('grade', `grade(基准地价级别)应为 1–7 的整数:${String(input.grade)}`);
  }
  const floorArea = positive(input.floorArea, 'floorArea', '房屋建筑面积');
  const termCoefficient = positive(input.termCoefficient, 'termCoefficient', '年期修正系数');
  const appraised =
    input.appraisedAmount === undefined || input.appraisedAmount === null
      ? null
      : toDecimal(input.appraisedAmount, 'appraisedAmount', '评估价');
  if (appraised?.isNegative())
    throw badInput('appraisedAmount', 'appraisedAmount(评估价)不能为负数');
  // 二(八) concerns commercial premises (商业用房) whose street-front status is disputed.
  if (appraised && input.landUse !== 'COMMERCIAL') {
    throw badInput(
      'appraisedAmount',
      'appraisedAmount(评估价)仅适用于商业用房对是否临街且平街一层有异议的情形',
    );
  }
  const asOf = parsePlainDate(input.asOf, 'asOf');
  const version = requireVersionInForce(table, asOf, '出让金缴纳标准');
  const docNo = versionPolicy(table, version).docNo;

  const frontage: Frontage =
    input.landUse === 'RESIDENTIAL'
      ? 'ANY'
      : input.streetFrontGroundFloor && !appraised
        ? 'STREET_FRONT_GROUND_FLOOR'
        : 'OTHER';
  const entry = findEntry(version, landEntryKey(input.landUse, input.grade, frontage));
  if (!entry?.amount) {
    throw new DomainError(
      'RATE_NOT_IN_FORCE',
      `${asOf} 没有${LAND_USE_LABELS[input.landUse]} ${input.grade} 级的出让金缴纳标准`,
      {
        field: 'grade',
      },
    );
  }
  const standardPerSqm = entry.amount;
  const standardFee = floorArea.times(standardPerSqm).times(termCoefficient);
  const label = `${LAND_USE_LABELS[input.landUse]} ${input.grade} 级${frontage === 'ANY' ? '' : FRONTAGE_LABELS[frontage]}`;
  const steps: LandTransferFeeStep[] = [
    {
      // 二(一): 土地出让金 = 房屋建筑面积 × 出让金缴纳标准 × 年期修正系数
      rule: `${floorArea.toFixed()} m² × ${standardPerSqm.toFixed()} 元/m²(${label})× 年期修正系数 ${termCoefficient.toFixed()}`,
      article: art(docNo, '二(一)'),
      amount: standardFee,
    },
  ];

  let amount = standardFee;
  let basis: LandTransferFeeQuote['basis'] = 'STANDARD';
  if (appraised) {
    // 二(八): the appraisal where it exceeds the fee at the 其他 standard, else that fee.
    if (appraised.gt(standardFee)) {
      amount = appraised;
      basis = 'APPRAISAL';
    }
    steps.push({
      rule:
        basis === 'APPRAISAL'
          ? `评估价 ${appraised.toFixed()} 元高于按非临街且平街一层标准计算的出让金,按评估价缴纳`
          : `评估价 ${appraised.toFixed()} 元不高于按非临街且平街一层标准计算的出让金,按该标准缴纳`,
      article: art(docNo, '二(八)'),
      amount,
    });
  }
  const housingReform = input.housingReform === true;
  if (housingReform) {
    // 二(三): housing-reform land (房改房) pays 50%.
    amount = amount.times('0.5');
    steps.push({
      rule: '房改房土地使用权划拨转出让,按 50% 缴纳',
      article: art(docNo, '二(三)'),
      amount,
    });
  }
  return {
    docNo,
    landUse: input.landUse,
    grade: input.grade,
    frontage,
    standardPerSqm,
    floorArea,
    termCoefficient,
    standardFee,
    basis,
    appraisedAmount: appraised,
    housingReform,
    amount: roundMoney(amount),
    steps,
  };
}
