// The medical service price and quote (泸市医保规〔2024〕4号 附件价格表): their result types.
import {
  formatDecimal,
  type MedicalServicePrice,
  type MedicalServiceQuote,
  type MedicalServiceQuoteLine,
} from '@gazette/domain';
import { builder } from '../builder.ts';
import { fraction, HospitalGradeEnum, money, policyField } from './quote-types.ts';

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
