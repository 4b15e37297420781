// The land transfer fee quote (泸市自然资规函〔2024〕425号 二): its result types.
import { formatDecimal, type LandTransferFeeQuote } from '@gazette/domain';
import { builder } from '../builder.ts';
import { FeeBasisEnum, LandUseEnum, money, policyField } from './quote-types.ts';

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
