// The calculators' GraphQL types: enums from the domain's constants (described by its Chinese
// labels), the result types and the inputs. The queries are in quotes.ts.
import {
  formatDecimal,
  formatMoney,
  HOSPITAL_GRADE_LABELS,
  HOSPITAL_GRADES,
  LAND_USE_LABELS,
  LAND_USES,
  REHAB_SERVICE_LABELS,
  REHAB_SERVICES,
  type Decimal,
  type LandTransferFeeQuote,
  type MedicalServicePrice,
  type MedicalServiceQuote,
  type MedicalServiceQuoteLine,
  type RehabAssistanceResult,
} from '@gazette/domain';
import { builder } from '../builder.ts';

/** Enum values in the domain's order, each described by the domain's Chinese label. */
function labelled<K extends string>(keys: readonly K[], labels: Record<K, string>, suffix = '') {
  return Object.fromEntries(
    keys.map((key) => [key, { description: `${labels[key]}${suffix}` }]),
  ) as Record<K, { description: string }>;
}

export const HospitalGradeEnum = builder.enumType('HospitalGrade', {
  description: '医疗机构等级(泸市医保规〔2024〕4号 附件价格表的列)',
  values: labelled(HOSPITAL_GRADES, HOSPITAL_GRADE_LABELS),
});
// The enum must match the domain's grades exactly.
if (HOSPITAL_GRADES.length !== 5) throw new Error('HospitalGrade out of sync with the domain');

export const LandUseEnum = builder.enumType('LandUse', {
  description: '土地用途(泸市自然资规函〔2024〕425号 出让金缴纳标准表)',
  values: labelled(LAND_USES, LAND_USE_LABELS),
});
export const FeeBasisEnum = builder.enumType('FeeBasis', {
  description: '出让金的计算依据',
  values: {
    STANDARD: { description: '按出让金缴纳标准计算(泸市自然资规函〔2024〕425号 二(一))' },
    APPRAISAL: { description: '按评估价缴纳(泸市自然资规函〔2024〕425号 二(八))' },
  } as const,
});
export const RehabServiceEnum = builder.enumType('RehabService', {
  description: '残疾儿童康复救助的服务项目(泸市府规〔2024〕4号 二)',
  values: labelled(REHAB_SERVICES, REHAB_SERVICE_LABELS),
});

/** `policy { … }` of a calculator result: the document, loaded with the client's selection. */
function policyField<T extends { docNo: string }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<
    PothosSchemaTypes.ExtendDefaultTypes<import('../builder.ts').GazetteSchemaTypes>,
    T
  >,
) {
  return t.prismaField({
    description: '计算所依据的规范性文件(asOf 当日生效的版本所属的文件)',
    type: 'Policy',
    resolve: async (query, parent, _args, ctx) =>
      ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { docNo: parent.docNo } }),
  });
}

const money = (d: Decimal) => formatMoney(d);
const fraction = (d: Decimal | null) => (d === null ? null : formatDecimal(d));

export const MedicalServicePriceRef = builder
  .objectRef<MedicalServicePrice>('MedicalServicePrice')
  .implement({
    description:
      '某医疗服务项目在某等级医疗机构、某日的价格(泸市医保规〔2024〕4号 附件价格表及其后的版本)',
    fields: (t) => ({
      code: t.exposeString('code', { description: '项目编码' }),
      name: t.exposeString('name', { description: '项目名称' }),
      unit: t.exposeString('unit', { description: '计价单位' }),
      grade: t.field({
        description: '医疗机构等级',
        type: HospitalGradeEnum,
        resolve: (p) => p.grade,
      }),
      amount: t.field({
        type: 'Decimal',
        nullable: true,
        description: '价格(元);按比例加收的项目为 null',
        resolve: (p) => (p.amount ? money(p.amount) : null),
      }),
      surchargeRate: t.field({
        type: 'Decimal',
        nullable: true,
        description: '加收比例:基准项目价格的比例(小数,如 "0.39");不是加收项目时为 null',
        resolve: (p) => fraction(p.surchargeRate),
      }),
      baseCode: t.exposeString('baseCode', {
        description: '加收项目的基准项目编码;不是加收项目时为 null',
        nullable: true,
      }),
      contents: t.exposeString('contents', { description: '项目内涵' }),
      exclusions: t.exposeString('exclusions', { description: '除外内容' }),
      note: t.exposeString('note', { description: '说明' }),
      policy: policyField(t),
    }),
  });

const MedicalServiceQuoteLineRef = builder
  .objectRef<MedicalServiceQuoteLine>('MedicalServiceQuoteLine')
  .implement({
    description: '医疗服务计价的一行(一个项目)',
    fields: (t) => ({
      code: t.exposeString('code', { description: '项目编码' }),
      name: t.exposeString('name', { description: '项目名称' }),
      unit: t.exposeString('unit', { description: '计价单位' }),
      quantity: t.exposeInt('quantity', { description: '数量(计价单位的个数)' }),
      unitPrice: t.field({
        description: '单价:加收项目为比例 × 基准项目价格;单精子注射为第一枚卵的价格',
        type: 'Decimal',
        resolve: (l) => formatDecimal(l.unitPrice),
      }),
      surchargeRate: t.field({
        description: '加收比例(小数);不是加收项目时为 null',
        type: 'Decimal',
        nullable: true,
        resolve: (l) => fraction(l.surchargeRate),
      }),
      amount: t.field({
        description: '本行金额(元)',
        type: 'Decimal',
        resolve: (l) => money(l.amount),
      }),
      cap: t.field({
        description: '本等级对本行的限额;项目没有限额时为 null',
        type: 'Decimal',
        nullable: true,
        resolve: (l) => (l.cap ? money(l.cap) : null),
      }),
      capApplied: t.exposeBoolean('capApplied', { description: '是否按限额计价' }),
      rule: t.exposeString('rule', { description: '本行的计价规则(中文)' }),
      article: t.exposeString('article', { description: '计价所依据的文件附件及其序号' }),
    }),
  });

export const MedicalServiceQuoteRef = builder
  .objectRef<MedicalServiceQuote>('MedicalServiceQuote')
  .implement({
    description: '医疗服务计价结果:每个项目一行,合计只在最后四舍五入到分(泸市医保规〔2024〕4号)',
    fields: (t) => ({
      grade: t.field({
        description: '医疗机构等级',
        type: HospitalGradeEnum,
        resolve: (q) => q.grade,
      }),
      asOf: t.field({ description: '计价日期', type: 'Date', resolve: (q) => q.asOf }),
      isTrial: t.exposeBoolean('isTrial', { description: '是否为试行价格' }),
      total: t.field({
        description: '合计(元),四舍五入到 0.01 元',
        type: 'Decimal',
        resolve: (q) => money(q.total),
      }),
      lines: t.field({
        description: '各项目的计价',
        type: [MedicalServiceQuoteLineRef],
        resolve: (q) => q.lines,
      }),
      policy: policyField(t),
    }),
  });

const LandTransferFeeStepRef = builder
  .objectRef<LandTransferFeeQuote['steps'][number]>('LandTransferFeeStep')
  .implement({
    description: '出让金计算的一步',
    fields: (t) => ({
      rule: t.exposeString('rule', { description: '这一步的计算规则(中文)' }),
      article: t.exposeString('article', {
        description: '所依据的条款,如 泸市自然资规函〔2024〕425号 二(一)',
      }),
      amount: t.field({
        type: 'Decimal',
        description: '这一步之后的金额(元,未舍入)',
        resolve: (s) => formatDecimal(s.amount),
      }),
    }),
  });

export const LandTransferFeeQuoteRef = builder
  .objectRef<LandTransferFeeQuote>('LandTransferFeeQuote')
  .implement({
    description:
      '国有建设用地二级市场共用宗地出让金的计算结果(泸市自然资规函〔2024〕425号 二):土地出让金 = 房屋建筑面积 × 出让金缴纳标准 × 年期修正系数',
    fields: (t) => ({
      landUse: t.field({ description: '土地用途', type: LandUseEnum, resolve: (q) => q.landUse }),
      grade: t.exposeInt('grade', { description: '基准地价级别 1–7' }),
      frontage: t.exposeString('frontage', {
        description:
          '适用的标准列:STREET_FRONT_GROUND_FLOOR(临街且平街一层)、OTHER(其他)或 ANY(住宅用地不分临街)',
      }),
      standardPerSqm: t.field({
        description: '出让金缴纳标准(元/m²)',
        type: 'Decimal',
        resolve: (q) => money(q.standardPerSqm),
      }),
      floorArea: t.field({
        description: '房屋建筑面积(m²)',
        type: 'Decimal',
        resolve: (q) => formatDecimal(q.floorArea),
      }),
      termCoefficient: t.field({
        description: '年期修正系数',
        type: 'Decimal',
        resolve: (q) => formatDecimal(q.termCoefficient),
      }),
      standardFee: t.field({
        description: '按标准计算的出让金(元):建筑面积 × 标准 × 年期修正系数(二(一))',
        type: 'Decimal',
        resolve: (q) => money(q.standardFee),
      }),
      appraisedAmount: t.field({
        description: '评估价(元);未提供时为 null',
        type: 'Decimal',
        nullable: true,
        resolve: (q) => (q.appraisedAmount ? money(q.appraisedAmount) : null),
      }),
      housingReform: t.exposeBoolean('housingReform', {
        description: '是否为房改房(划拨转出让按 50% 缴纳,二(三))',
      }),
      basis: t.field({
        description: '计算依据:按标准或按评估价',
        type: FeeBasisEnum,
        resolve: (q) => q.basis,
      }),
      amount: t.field({
        description: '应缴出让金(元),四舍五入到 0.01 元',
        type: 'Decimal',
        resolve: (q) => money(q.amount),
      }),
      steps: t.field({
        description: '计算过程,按先后顺序',
        type: [LandTransferFeeStepRef],
        resolve: (q) => q.steps,
      }),
      policy: policyField(t),
    }),
  });

export const RehabAssistanceResultRef = builder
  .objectRef<RehabAssistanceResult>('RehabAssistanceResult')
  .implement({
    description: '残疾儿童康复救助的审核结果(泸市府规〔2024〕4号 一、二(二))',
    fields: (t) => ({
      eligible: t.exposeBoolean('eligible', {
        description:
          '是否符合救助条件(如 0—14周岁,一(一);具有泸州市户籍,一(二));未通过的规则见 reasons',
      }),
      service: t.field({
        description: '服务项目',
        type: RehabServiceEnum,
        resolve: (r) => r.service,
      }),
      cap: t.field({
        description: '该项目的救助限额(元)',
        type: 'Decimal',
        resolve: (r) => money(r.cap),
      }),
      capPeriod: t.exposeString('capPeriod', {
        description: '限额的计算方式:YEAR(每年)、PERSON(每人一次)或 EACH(每具)',
      }),
      remaining: t.field({
        description: '限额扣除本年已救助金额后的余额(按年计的限额),否则为限额本身(元)',
        type: 'Decimal',
        resolve: (r) => money(r.remaining),
      }),
      approvedAmount: t.field({
        description: '核定的救助金额(元),四舍五入到 0.01 元;不符合条件时为 0',
        type: 'Decimal',
        resolve: (r) => money(r.approvedAmount),
      }),
      reasons: t.exposeStringList('reasons', { description: '未通过或起作用的每条规则,中文' }),
      article: t.exposeString('article', {
        description: '所适用救助标准的条款(或第一条未通过的规则的条款)',
      }),
      countyApplied: t.exposeString('countyApplied', {
        description: '适用其提高后救助标准的区县;适用全市标准时为 null',
        nullable: true,
      }),
      nextDeviceDate: t.field({
        description: '同类辅具可再次救助的最早日期(适用两年内不重复救助的规定时);否则为 null',
        type: 'Date',
        nullable: true,
        resolve: (r) => r.nextDeviceDate,
      }),
      policy: policyField(t),
    }),
  });
