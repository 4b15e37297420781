// Penalty discretion review cases (泸市监规发〔2024〕2号). Confidential (第十九条): every field
// needs a role (VIEWER reads, SUPERVISOR and ADMIN change), and so do node() lookups. Resolvers
// call the services in services/cases.
import { allowedEvents, type CaseDecision, type ReviewMode } from '@gazette/domain';
import { builder } from '../builder.ts';
import { isOverdue } from '../services/cases/is-overdue.ts';
import {
  CaseDecisionEnum,
  CaseEventTypeEnum,
  CaseStateEnum,
  CaseTriggerEnum,
  ReviewConditionEnum,
  ReviewExclusionEnum,
  ReviewModeEnum,
} from './case-enums.ts';
import './case-events.ts';
import './case-list.ts';
import './case-forms.ts';
import './case-notices.ts';
import './case-workflow.ts';
import { noRow } from './shared.ts';

export { noRow };

const iso = (d: Date) => d.toISOString();

export const DiscretionCase = builder.prismaNode('DiscretionCase', {
  description:
    '行政处罚改正违法行为裁量审查评估案件(泸市监规发〔2024〕2号);案件信息保密(第十九条),须具有只读及以上角色才能读取',
  id: { field: 'id' },
  authScopes: { viewer: true },
  // Checked once per case (when the case is completed), not again on each of its fields.
  runScopesOnType: true,
  fields: (t) => ({
    caseName: t.exposeString('caseName', { description: '案件名称' }),
    subjectName: t.exposeString('subjectName', { description: '涉案市场主体名称' }),
    caseNumber: t.exposeString('caseNumber', { nullable: true, description: '案号' }),
    handler: t.exposeString('handler', { nullable: true, description: '承办人' }),
    department: t.exposeString('department', { nullable: true, description: '业务科室' }),
    contactName: t.exposeString('contactName', { nullable: true, description: '联系人' }),
    contactPhone: t.exposeString('contactPhone', { nullable: true, description: '联系电话' }),
    caseFiledOn: t.expose('caseFiledOn', { type: 'Date', nullable: true, description: '立案日期' }),
    trigger: t.expose('trigger', { description: '启动情形(第六条)', type: CaseTriggerEnum }),
    filedOn: t.expose('filedOn', { description: '登记日期', type: 'Date' }),
    state: t.expose('state', { description: '当前状态', type: CaseStateEnum }),
    reviewMode: t.field({
      description: '审查评估方式(第七条);受理前为 null',
      type: ReviewModeEnum,
      nullable: true,
      select: { reviewMode: true },
      resolve: (c) => c.reviewMode as ReviewMode | null,
    }),
    reviewDays: t.exposeInt('reviewDays', {
      description: '审查评估期限天数,自受理之日起算,最长不超过两个月(第十三条);受理前为 null',
      nullable: true,
    }),
    acceptedOn: t.expose('acceptedOn', {
      description: '受理日期;受理前为 null',
      type: 'Date',
      nullable: true,
    }),
    reviewDeadline: t.expose('reviewDeadline', {
      description:
        '审查评估期限届满日(受理日期加期限天数,最迟为受理之日起两个月,第十三条);受理前为 null',
      type: 'Date',
      nullable: true,
    }),
    overdue: t.boolean({
      description: '是否超期:审查评估期限(第十三条)已届满而仍在审查评估中,按北京时间的今天判断',
      select: { state: true, reviewDeadline: true },
      resolve: (c) => isOverdue(c),
    }),
    conditionsMet: t.field({
      description: '受理时确认符合的条件(第四条,须全部符合)',
      type: [ReviewConditionEnum],
      select: { conditionsMet: true },
      resolve: (c) => c.conditionsMet as never,
    }),
    exclusions: t.field({
      description: '受理时确认具有的不适用情形(第五条,具有其一即不予受理)',
      type: [ReviewExclusionEnum],
      select: { exclusions: true },
      resolve: (c) => c.exclusions as never,
    }),
    rejectionReason: t.exposeString('rejectionReason', {
      description: '不予受理的理由;未被不予受理时为 null',
      nullable: true,
    }),
    terminationReason: t.exposeString('terminationReason', {
      description: '终止考察的理由(第十五条);未终止时为 null',
      nullable: true,
    }),
    passed: t.exposeBoolean('passed', {
      description: '是否通过审查评估(第十六条);尚无结果时为 null',
      nullable: true,
    }),
    decision: t.field({
      description: '处理决定(第十七条、第十八条);尚未决定时为 null',
      type: CaseDecisionEnum,
      nullable: true,
      select: { decision: true },
      resolve: (c) => c.decision as CaseDecision | null,
    }),
    keySupervision: t.exposeBoolean('keySupervision', {
      description: '是否纳入日常重点监管(第十八条:不予处罚、从轻或减轻处罚的)',
    }),
    allowedEvents: t.field({
      type: [CaseEventTypeEnum],
      description: '当前状态下允许的下一步(按状态转换表)',
      select: { state: true },
      resolve: (c) => allowedEvents(c.state),
    }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    createdAt: t.string({
      description: '创建时间(ISO 时间戳)',
      select: { createdAt: true },
      resolve: (c) => iso(c.createdAt),
    }),
    updatedAt: t.string({
      description: '最后修改时间(ISO 时间戳)',
      select: { updatedAt: true },
      resolve: (c) => iso(c.updatedAt),
    }),
    events: t.relation('events', {
      description: '办理过程中的各步,按先后顺序',
      query: { orderBy: { seq: 'asc' } },
    }),
    notices: t.relation('notices', {
      description: '案件的文书,按出具顺序',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});
