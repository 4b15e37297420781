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
export const zDecimalString = (
  field: string,
  label: string,
  options: { positive?: boolean } = {},
) =>
  z
    .string({ error: `${field}(${label})必须是十进制数字字符串` })
    .trim()
    .regex(DECIMAL, { error: `${field}(${label})应为非负十进制数字,如 "12.5"` })
    .refine((v) => !options.positive || /[1-9]/.test(v), { error: `${field}(${label})必须大于 0` });

export const ZHospitalGrade = z.enum(HOSPITAL_GRADES, {
  error: `grade(医疗机构等级)应为 ${HOSPITAL_GRADES.join('、')} 之一`,
});

export const ZMedicalServiceQuoteItem = z.object({
  code: z
    .string({ error: 'code(项目编码)不能为空' })
    .trim()
    .min(1, { error: 'code(项目编码)不能为空' }),
  quantity: z
    .number({ error: 'quantity(数量)必须是数字' })
    .int({ error: 'quantity(数量)必须是整数' })
    .min(1, { error: 'quantity(数量)至少为 1' }),
});

/** `asOf` may be omitted: the API fills in today in Asia/Shanghai. */
export const ZMedicalServiceQuoteInput = z.object({
  grade: ZHospitalGrade,
  asOf: zDate('asOf', '查询日期').optional(),
  items: z
    .array(ZMedicalServiceQuoteItem, { error: 'items(收费项目)必须是列表' })
    .min(1, { error: 'items(收费项目)不能为空' }),
});
export type TMedicalServiceQuoteInput = z.infer<typeof ZMedicalServiceQuoteInput>;

export const ZLandTransferFeeInput = z.object({
  landUse: z.enum(LAND_USES, {
    error: 'landUse(土地用途)应为 COMMERCIAL(商服用地)或 RESIDENTIAL(住宅用地)',
  }),
  grade: z
    .number({ error: 'grade(基准地价级别)必须是数字' })
    .int({ error: 'grade(基准地价级别)必须是整数' })
    .min(1, { error: 'grade(基准地价级别)应为 1–7' })
    .max(7, { error: 'grade(基准地价级别)应为 1–7' }),
  streetFrontGroundFloor: z
    .boolean({ error: 'streetFrontGroundFloor(临街且平街一层)必须是是或否' })
    .default(false),
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
  service: z.enum(REHAB_SERVICES, {
    error: `service(救助项目)应为 ${REHAB_SERVICES.join('、')} 之一`,
  }),
  requestedAmount: zDecimalString('requestedAmount', '申请金额'),
  fundedThisYear: zDecimalString('fundedThisYear', '本年度已救助金额').nullish(),
  lastSameDeviceDate: zDate('lastSameDeviceDate', '上次同类辅具救助日期').nullish(),
  county: z
    .string({ error: 'county(区县)必须是文字' })
    .trim()
    .min(1, { error: 'county(区县)不能为空字符串' })
    .nullish(),
});
export type TRehabAssistanceInput = z.infer<typeof ZRehabAssistanceInput>;
