// The rehabilitation assistance check (泸市府规〔2024〕4号): its result type.
import type { RehabAssistanceResult } from '@gazette/domain';
import { builder } from '../builder.ts';
import { money, policyField, RehabServiceEnum } from './quote-types.ts';

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
