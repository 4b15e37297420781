// The calculators' GraphQL inputs, each checked by the domain's zod schema at the edge.
import {
  ZLandTransferFeeInput,
  ZMedicalServiceQuoteInput,
  ZRehabAssistanceInput,
} from '@gazette/domain';
import { builder } from '../builder.ts';
import { HospitalGradeEnum, LandUseEnum, RehabServiceEnum } from './quote-types.ts';

const MedicalServiceQuoteItemInput = builder.inputType('MedicalServiceQuoteItemInput', {
  description: '医疗服务计价的一个项目',
  fields: (t) => ({
    code: t.string({ description: '项目编码', required: true }),
    quantity: t.int({ required: true, description: '数量(计价单位的个数);单精子注射为卵的枚数' }),
  }),
});

export const MedicalServiceQuoteInput = builder.inputType('MedicalServiceQuoteInput', {
  description: '医疗服务计价的输入',
  fields: (t) => ({
    grade: t.field({ description: '医疗机构等级', type: HospitalGradeEnum, required: true }),
    asOf: t.field({
      type: 'Date',
      required: false,
      description: '计价日期,缺省为今天(Asia/Shanghai)',
    }),
    items: t.field({
      description: '各项目及数量',
      type: [MedicalServiceQuoteItemInput],
      required: true,
    }),
  }),
  validate: ZMedicalServiceQuoteInput,
});

export const LandTransferFeeInput = builder.inputType('LandTransferFeeInput', {
  description: '出让金计算的输入(泸市自然资规函〔2024〕425号)',
  fields: (t) => ({
    landUse: t.field({ description: '土地用途', type: LandUseEnum, required: true }),
    grade: t.int({ required: true, description: '基准地价级别 1–7' }),
    streetFrontGroundFloor: t.boolean({
      description: '是否临街且平街一层(仅商服用地),缺省 false',
      required: false,
      defaultValue: false,
    }),
    floorArea: t.field({ description: '房屋建筑面积(m²),大于 0', type: 'Decimal', required: true }),
    termCoefficient: t.field({
      description: '年期修正系数,大于 0',
      type: 'Decimal',
      required: true,
    }),
    housingReform: t.boolean({
      description: '是否为房改房土地使用权划拨转出让(按 50% 缴纳,二(三)),缺省 false',
      required: false,
      defaultValue: false,
    }),
    appraisedAmount: t.field({
      description: '对是否临街且平街一层有异议时的评估价(元,仅商服用地,二(八))',
      type: 'Decimal',
      required: false,
    }),
    asOf: t.field({
      description: '计算日期,缺省为今天(Asia/Shanghai)',
      type: 'Date',
      required: false,
    }),
  }),
  validate: ZLandTransferFeeInput,
});

export const RehabAssistanceInput = builder.inputType('RehabAssistanceInput', {
  description: '残疾儿童康复救助审核的输入(泸市府规〔2024〕4号)',
  fields: (t) => ({
    birthDate: t.field({ description: '儿童出生日期', type: 'Date', required: true }),
    applicationDate: t.field({
      description: '申请日期;按该日生效的救助标准审核',
      type: 'Date',
      required: true,
    }),
    luzhouHukou: t.boolean({ description: '是否具有泸州市户籍(一(二))', required: true }),
    service: t.field({ description: '服务项目', type: RehabServiceEnum, required: true }),
    requestedAmount: t.field({ description: '申请救助金额(元)', type: 'Decimal', required: true }),
    fundedThisYear: t.field({
      description: '本年已就同一项目获得的救助金额(元)',
      type: 'Decimal',
      required: false,
    }),
    lastSameDeviceDate: t.field({
      description: '同类辅具上次获得救助的日期',
      type: 'Date',
      required: false,
    }),
    county: t.string({
      description: '适用其提高后救助标准的区县;缺省适用全市标准',
      required: false,
    }),
  }),
  validate: ZRehabAssistanceInput,
});
