// Penalty discretion review cases (泸市监规发〔2024〕2号). Confidential (第十九条): every field
// needs a role (VIEWER reads, SUPERVISOR and ADMIN change), and so do node() lookups. Resolvers
// call the services in services/cases.
import { allowedEvents, type CaseDecision, type ReviewMode } from '@gazette/domain';
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import { CASE_SORT_FIELDS, caseWhere, type CaseFilter } from '../services/cases/case-where.ts';
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
import './case-notices.ts';
import './case-workflow.ts';
import { definePage } from './pagination.ts';
import { direction, noRow, SortDirection } from './shared.ts';

export { noRow };

const iso = (d: Date) => d.toISOString();

export const DiscretionCase = builder.prismaNode('DiscretionCase', {
  id: { field: 'id' },
  authScopes: { viewer: true },
  fields: (t) => ({
    caseName: t.exposeString('caseName'),
    subjectName: t.exposeString('subjectName'),
    caseNumber: t.exposeString('caseNumber', { nullable: true, description: '案号' }),
    handler: t.exposeString('handler', { nullable: true, description: '承办人' }),
    department: t.exposeString('department', { nullable: true, description: '业务科室' }),
    contactName: t.exposeString('contactName', { nullable: true, description: '联系人' }),
    contactPhone: t.exposeString('contactPhone', { nullable: true, description: '联系电话' }),
    caseFiledOn: t.expose('caseFiledOn', { type: 'Date', nullable: true, description: '立案日期' }),
    trigger: t.expose('trigger', { type: CaseTriggerEnum }),
    filedOn: t.expose('filedOn', { type: 'Date' }),
    state: t.expose('state', { type: CaseStateEnum }),
    reviewMode: t.field({
      type: ReviewModeEnum,
      nullable: true,
      select: { reviewMode: true },
      resolve: (c) => c.reviewMode as ReviewMode | null,
    }),
    reviewDays: t.exposeInt('reviewDays', { nullable: true }),
    acceptedOn: t.expose('acceptedOn', { type: 'Date', nullable: true }),
    reviewDeadline: t.expose('reviewDeadline', { type: 'Date', nullable: true }),
    overdue: t.boolean({
      description:
        'Still under review after its deadline (第十三条), judged today in Asia/Shanghai.',
      select: { state: true, reviewDeadline: true },
      resolve: (c) => isOverdue(c),
    }),
    conditionsMet: t.field({
      type: [ReviewConditionEnum],
      select: { conditionsMet: true },
      resolve: (c) => c.conditionsMet as never,
    }),
    exclusions: t.field({
      type: [ReviewExclusionEnum],
      select: { exclusions: true },
      resolve: (c) => c.exclusions as never,
    }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true }),
    terminationReason: t.exposeString('terminationReason', { nullable: true }),
    passed: t.exposeBoolean('passed', { nullable: true }),
    decision: t.field({
      type: CaseDecisionEnum,
      nullable: true,
      select: { decision: true },
      resolve: (c) => c.decision as CaseDecision | null,
    }),
    keySupervision: t.exposeBoolean('keySupervision', {
      description: '纳入日常重点监管 (第十八条).',
    }),
    allowedEvents: t.field({
      type: [CaseEventTypeEnum],
      description: 'The events the transition table allows from the current state.',
      select: { state: true },
      resolve: (c) => allowedEvents(c.state),
    }),
    version: t.exposeInt('version'),
    createdAt: t.string({ resolve: (c) => iso(c.createdAt) }),
    updatedAt: t.string({ resolve: (c) => iso(c.updatedAt) }),
    events: t.relation('events', { query: { orderBy: { seq: 'asc' } } }),
    notices: t.relation('notices', {
      description: 'In issue order.',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

const CaseFilterInput = builder.inputType('CaseFilter', {
  fields: (t) => ({
    q: t.string({
      required: false,
      description: 'Part of the case or subject name, the 案号 or the 承办人.',
    }),
    state: t.field({ type: [CaseStateEnum], required: false }),
    overdue: t.boolean({ required: false }),
    trigger: t.field({ type: CaseTriggerEnum, required: false }),
    keySupervision: t.boolean({ required: false }),
    filedFrom: t.field({ type: 'Date', required: false }),
    filedTo: t.field({ type: 'Date', required: false }),
  }),
});

const CaseSortField = builder.enumType('CaseSortField', {
  values: [
    'FILED_ON',
    'REVIEW_DEADLINE',
    'CASE_NAME',
    'SUBJECT_NAME',
    'STATE',
    'CREATED_AT',
    'UPDATED_AT',
  ] as const,
});
const SORT_COLUMNS = {
  FILED_ON: 'filedOn',
  REVIEW_DEADLINE: 'reviewDeadline',
  CASE_NAME: 'caseName',
  SUBJECT_NAME: 'subjectName',
  STATE: 'state',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
} as const satisfies Record<string, (typeof CASE_SORT_FIELDS)[number]>;

const CaseSort = builder.inputType('CaseSort', {
  fields: (t) => ({
    field: t.field({ type: CaseSortField, required: true }),
    direction: t.field({ type: SortDirection, required: false }),
  }),
});

definePage<CaseFilter>({
  field: 'casesPage',
  label: '裁量审查评估案件',
  type: 'DiscretionCase',
  pageType: 'CasePage',
  model: 'discretionCase',
  authScopes: { viewer: true },
  sortable: CASE_SORT_FIELDS,
  defaultSort: 'filedOn',
  defaultOrder: 'DESC',
  filterInput: CaseFilterInput,
  where: (filter) => caseWhere(filter),
});

// ---------------------------------------------------------------- root fields

builder.queryFields((t) => ({
  case: t.prismaField({
    type: 'DiscretionCase',
    nullable: true,
    authScopes: { viewer: true },
    args: { id: t.arg.globalID({ required: true }) },
    // Another type's global id names no case (the query is marked used: nothing to load).
    resolve: (query, _root, { id }, ctx) =>
      id.typename === 'DiscretionCase'
        ? ctx.prisma.discretionCase.findUnique({ ...query, where: { id: id.id } })
        : noRow(query),
  }),
  cases: t.prismaConnection({
    description: TOTAL_COUNT_NOTE,
    type: 'DiscretionCase',
    cursor: 'id',
    authScopes: { viewer: true },
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ type: CaseFilterInput, required: false }),
      sort: t.arg({ type: CaseSort, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.discretionCase.findMany({
        ...query,
        where: caseWhere(args.filter ?? {}),
        orderBy: [
          {
            [SORT_COLUMNS[args.sort?.field ?? 'FILED_ON']]: direction(
              args.sort?.direction ?? 'DESC',
            ),
          },
          { id: 'asc' },
        ],
      }),
    totalCount: (_parent, args, ctx) => {
      const where = caseWhere(args.filter ?? {});
      return totalCount(ctx.prisma, 'DiscretionCase', where, () =>
        ctx.prisma.discretionCase.count({ where }),
      );
    },
  }),
}));
