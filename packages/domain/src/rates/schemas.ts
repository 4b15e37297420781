import { z } from 'zod';
import { isPlainDate } from '../shared/plain-date.ts';
import { HOSPITAL_GRADES } from './hospital-grades.ts';
import { LAND_USES } from './land-uses.ts';
import { REHAB_SERVICES } from './rehab-services.ts';

const DECIMAL = /^\d+(\.\d+)?$/;

/** A `YYYY-MM-DD` date string; the message names the field. */
export const zDate = (field: string, label: string) =>
  z
    .string({ error: `${field}(${label})必须是日期字符串 YYYY-MM-DD` })
    .refine(isPlainDate, { error: `${field}(${label})不是有效日期(应为 YYYY-MM-DD)` });

/** A non-negative decimal as a string (never a float); `positive` also rejects zero. */
export const zDecimalString = (field: string, label: string, options: { positive?: boolean } = {}) =>
  z
    .string({ error: `${field}(${label})必须是十进制数字字符串` })
    .trim()
    .regex(DECIMAL, { error: `${field}(${label})应为非负十进制数字,如 "12.5"` })
    .refine((v) => !options.positive || /[1-9]/.test(v), { error: `${field}(${label})必须大于 0` });

export const ZHospitalGrade = z.enum(HOSPITAL_GRADES, {
  error: `grade(医疗机构等级)应为 ${HOSPITAL_GRADES.join('、')} 之一`,
});

export const ZMedicalServiceQuoteItem = z.object({
  code: z.string({ error: 'code(项目编码)不能为空' }).trim().min(1, { error: 'code(项目编码)不能为空' }),
  quantity: z
    .number({ error: 'quantity(数量)必须是数字' })
    .int({ error: 'quantity(数量)必须是整数' })
    .min(1, { error: 'quantity(数量)至少为 1' }),
});

/** `asOf` may be omitted: the API fills in today in Asia/Shanghai. */
export const ZMedicalServiceQuoteInput = z.object({
  grade: ZHospitalGrade,
  asOf: zDate('asOf', '查询日期').optional(),
  items: z.array(ZMedicalServiceQuoteItem, { error: 'items(收费项目)必须是列表' }).min(1, { error: 'items(收费项目)不能为空' }),
});
export type TMedicalServiceQuoteInput = z.infer<typeof ZMedicalServiceQuoteInput>;

export const ZLandTransferFeeInput = z.object({
  landUse: z.enum(LAND_USES, { error: 'landUse(土地用途)应为 COMMERCIAL(商服用地)或 RESIDENTIAL(住宅用地)' }),
  grade: z
    .number({ error: 'grade(基准地价级别)必须是数字' })
    .int({ error: 'grade(基准地价级别)必须是整数' })
    .min(1, { error: 'grade(基准地价级别)应为 1–7' })
    .max(7, { error: 'grade(基准地价级别)应为 1–7' }),
  streetFrontGroundFloor: z.boolean({ error: 'streetFrontGroundFloor(临街且平街一层)必须是是或否' }).default(false),
  floorArea: zDecimalString('floorArea', '房屋建筑面积', { positive: true }),
  termCoefficient: zDecimalString('termCoefficient', '年期修正系数', { positive: true }),
  housingReform: z.boolean({ error: 'housingReform(房改房)必须是是或否' }).default(false),
  appraisedAmount: zDecimalString('appraisedAmount', '评估价').nullish(),
  asOf: zDate('asOf', '查询日期').optional(),
});
export type TLandTransferFeeInput = z.infer<typeof ZLandTransferFeeInput>;

export const ZRehabAssistanceInput = z.object({
  birthDate: zDate('birthDate', '出生日期'),
  applicationDate: zDate('applicationDate', '申请日期'),
  luzhouHukou: z.boolean({ error: 'luzhouHukou(泸州市户籍)必须是是或否' }),
  service: z.enum(REHAB_SERVICES, { error: `service(救助项目)应为 ${REHAB_SERVICES.join('、')} 之一` }),
  requestedAmount: zDecimalString('requestedAmount', '申请金额'),
  fundedThisYear: zDecimalString('fundedThisYear', '本年度已救助金额').nullish(),
  lastSameDeviceDate: zDate('lastSameDeviceDate', '上次同类辅具救助日期').nullish(),
  county: z.string({ error: 'county(区县)必须是文字' }).trim().min(1, { error: 'county(区县)不能为空字符串' }).nullish(),
});
export type TRehabAssistanceInput = z.infer<typeof ZRehabAssistanceInput>;

export const ZRateEntryInput = z
  .object({
    dimensions: z.record(z.string(), z.string({ error: 'dimensions(维度)的值必须是文字' }), {
      error: 'dimensions(维度)必须是对象',
    }),
    code: z.string({ error: 'code(项目编码)必须是文字' }).trim().nullish(),
    name: z.string({ error: 'name(名称)必须是文字' }).trim().nullish(),
    unit: z.string({ error: 'unit(计价单位)必须是文字' }).trim().nullish(),
    amount: zDecimalString('amount', '金额').nullish(),
    rate: zDecimalString('rate', '比例').nullish(),
    baseKey: z.string({ error: 'baseKey(基准项目)必须是文字' }).trim().nullish(),
    attributes: z.record(z.string(), z.unknown(), { error: 'attributes(附加属性)必须是对象' }).nullish(),
    position: z.number().int({ error: 'position(顺序)必须是整数' }).min(0).nullish(),
  })
  .refine((e) => (e.amount == null) !== (e.rate == null), {
    error: 'amount(金额)与 rate(比例)须且只能填写一项',
    path: ['amount'],
  });
export type TRateEntryInput = z.infer<typeof ZRateEntryInput>;

const rangeOk = (v: { effectiveFrom?: string; effectiveTo?: string | null }) =>
  !v.effectiveFrom || !v.effectiveTo || v.effectiveTo >= v.effectiveFrom;
const rangeMessage = { error: 'effectiveTo(失效日期)不能早于 effectiveFrom(生效日期)', path: ['effectiveTo'] };

export const ZCreateRateVersionInput = z
  .object({
    tableId: z.string({ error: 'tableId(费率表)不能为空' }).min(1, { error: 'tableId(费率表)不能为空' }),
    label: z.string().trim().max(100, { error: 'label(版本名称)最多 100 字' }).nullish(),
    effectiveFrom: zDate('effectiveFrom', '生效日期'),
    effectiveTo: zDate('effectiveTo', '失效日期').nullish(),
    note: z.string().trim().max(1000, { error: 'note(备注)最多 1000 字' }).nullish(),
    /** Copy the entries of this version when `entries` is omitted. */
    basedOnId: z.string().min(1).nullish(),
    entries: z.array(ZRateEntryInput, { error: 'entries(条目)必须是列表' }).nullish(),
  })
  .refine(rangeOk, rangeMessage);
export type TCreateRateVersionInput = z.infer<typeof ZCreateRateVersionInput>;

/** Edits a draft (or a published version that has not started); `expectedVersion` detects stale edits. */
export const ZUpdateRateVersionInput = z
  .object({
    id: z.string({ error: 'id(版本)不能为空' }).min(1, { error: 'id(版本)不能为空' }),
    expectedVersion: z.number({ error: 'expectedVersion(版本号)必须是整数' }).int({ error: 'expectedVersion(版本号)必须是整数' }),
    label: z.string().trim().max(100, { error: 'label(版本名称)最多 100 字' }).nullish(),
    effectiveFrom: zDate('effectiveFrom', '生效日期').optional(),
    effectiveTo: zDate('effectiveTo', '失效日期').nullish(),
    note: z.string().trim().max(1000, { error: 'note(备注)最多 1000 字' }).nullish(),
  })
  .refine(rangeOk, rangeMessage);
export type TUpdateRateVersionInput = z.infer<typeof ZUpdateRateVersionInput>;

export const ZUpdateRateEntryInput = z.object({
  id: z.string({ error: 'id(条目)不能为空' }).min(1, { error: 'id(条目)不能为空' }),
  expectedVersion: z.number({ error: 'expectedVersion(版本号)必须是整数' }).int({ error: 'expectedVersion(版本号)必须是整数' }),
  entry: ZRateEntryInput,
});
export type TUpdateRateEntryInput = z.infer<typeof ZUpdateRateEntryInput>;

/** Publishing a version may supersede the one in force (closing it the day before). */
export const ZPublishRateVersionInput = z.object({
  id: z.string({ error: 'id(版本)不能为空' }).min(1, { error: 'id(版本)不能为空' }),
  expectedVersion: z.number({ error: 'expectedVersion(版本号)必须是整数' }).int({ error: 'expectedVersion(版本号)必须是整数' }),
});
export type TPublishRateVersionInput = z.infer<typeof ZPublishRateVersionInput>;

export const ZImportRateVersionCsvInput = z.object({
  tableId: z.string({ error: 'tableId(费率表)不能为空' }).min(1, { error: 'tableId(费率表)不能为空' }),
  effectiveFrom: zDate('effectiveFrom', '生效日期'),
  effectiveTo: zDate('effectiveTo', '失效日期').nullish(),
  label: z.string().trim().max(100, { error: 'label(版本名称)最多 100 字' }).nullish(),
  csv: z.string({ error: 'csv(CSV 内容)不能为空' }).min(1, { error: 'csv(CSV 内容)不能为空' }),
});
export type TImportRateVersionCsvInput = z.infer<typeof ZImportRateVersionCsvInput>;
