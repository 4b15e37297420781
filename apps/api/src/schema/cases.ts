// Penalty discretion review cases (泸市监规发〔2024〕2号). Confidential (第十九条): every field
// needs a role (VIEWER reads, SUPERVISOR and ADMIN change), and so do node() lookups.
import {
  allowedEvents,
  CASE_DECISIONS,
  CASE_EVENT_TYPES,
  CASE_STATES,
  CASE_TRIGGERS,
  DomainError,
  NOTICE_KINDS,
  REVIEW_CONDITIONS,
  REVIEW_EXCLUSIONS,
  REVIEW_MODES,
  ZCaseEventInput,
  ZOpenDiscretionReviewInput,
  type CaseState,
  type CaseDecision,
  type CaseEventType,
  type PlainDate,
  type RenderedNotice,
  type ReviewMode,
} from '@gazette/domain';
import { builder, checkedMaxSize } from '../builder.ts';
import {
  CASE_SORT_FIELDS,
  caseWhere,
  isOverdue,
  openDiscretionReview,
  transitionCase,
  updateCase,
  type CaseFilter,
} from '../services/cases.ts';
import { noticePrint } from '../services/notices.ts';
import { pageArgs } from '../services/paging.ts';
import { direction, SortDirection } from './shared.ts';
import { pageFieldArgs } from './users.ts';

const CaseStateEnum = builder.enumType('CaseState', { values: CASE_STATES });
const CaseTriggerEnum = builder.enumType('CaseTrigger', { values: CASE_TRIGGERS });
const CaseEventTypeEnum = builder.enumType('CaseEventType', { values: CASE_EVENT_TYPES });
const NoticeKindEnum = builder.enumType('NoticeKind', { values: NOTICE_KINDS });
const ReviewModeEnum = builder.enumType('ReviewMode', { values: REVIEW_MODES });
const ReviewConditionEnum = builder.enumType('ReviewCondition', { values: REVIEW_CONDITIONS });
const ReviewExclusionEnum = builder.enumType('ReviewExclusion', { values: REVIEW_EXCLUSIONS });
const CaseDecisionEnum = builder.enumType('CaseDecision', { values: CASE_DECISIONS });

const iso = (d: Date) => d.toISOString();

const NoticePrint = builder.objectRef<RenderedNotice>('NoticePrint').implement({
  description: 'A notice laid out as its annex form (附件4、5、7、9).',
  fields: (t) => ({
    title: t.exposeString('title'),
    number: t.exposeString('number'),
    addressee: t.exposeString('addressee'),
    subjectName: t.exposeString('subjectName'),
    paragraphs: t.exposeStringList('paragraphs'),
    issuer: t.exposeString('issuer'),
    date: t.exposeString('date', { description: 'As printed, e.g. 2025年1月6日.' }),
    footnote: t.exposeString('footnote', { nullable: true }),
  }),
});

builder.prismaObject('Notice', {
  authScopes: { viewer: true },
  fields: (t) => ({
    kind: t.expose('kind', { type: NoticeKindEnum }),
    number: t.exposeString('number'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    year: t.exposeInt('year'),
    serial: t.exposeInt('serial'),
    print: t.field({
      type: NoticePrint,
      select: { kind: true, number: true, issuedOn: true, case: true },
      resolve: (notice) => noticePrint(notice as Parameters<typeof noticePrint>[0], notice.case),
    }),
  }),
});

builder.prismaObject('CaseEvent', {
  authScopes: { viewer: true },
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    type: t.field({
      type: CaseEventTypeEnum,
      select: { type: true },
      resolve: (e) => e.type as CaseEventType,
    }),
    on: t.expose('on', { type: 'Date' }),
    fromState: t.expose('fromState', { type: CaseStateEnum }),
    toState: t.expose('toState', { type: CaseStateEnum }),
    payload: t.expose('payload', { type: 'JSON' }),
    note: t.string({
      nullable: true,
      select: { payload: true },
      resolve: (e) => noteOf(e.payload),
    }),
    at: t.string({ resolve: (e) => iso(e.at) }),
  }),
});

function noteOf(payload: unknown): string | null {
  const note = (payload as { note?: unknown } | null)?.note;
  return typeof note === 'string' ? note : null;
}

export const DiscretionCase = builder.prismaNode('DiscretionCase', {
  id: { field: 'id' },
  authScopes: { viewer: true },
  fields: (t) => ({
    caseName: t.exposeString('caseName'),
    subjectName: t.exposeString('subjectName'),
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

// ---------------------------------------------------------------- inputs

const OpenDiscretionReviewInput = builder.inputType('OpenDiscretionReviewInput', {
  fields: (t) => ({
    caseName: t.string({ required: true }),
    subjectName: t.string({ required: true }),
    trigger: t.field({ type: CaseTriggerEnum, required: true }),
    filedOn: t.field({ type: 'Date', required: true }),
  }),
  validate: ZOpenDiscretionReviewInput,
});

const CaseEventInput = builder.inputType('CaseEventInput', {
  description:
    'Each event type reads the fields it needs and rejects a missing one with BAD_USER_INPUT.',
  fields: (t) => ({
    type: t.field({ type: CaseEventTypeEnum, required: true }),
    on: t.field({ type: 'Date', required: true }),
    reviewMode: t.field({ type: ReviewModeEnum, required: false }),
    reviewDays: t.int({ required: false }),
    conditionsMet: t.field({ type: [ReviewConditionEnum], required: false }),
    exclusions: t.field({ type: [ReviewExclusionEnum], required: false }),
    reason: t.string({
      required: false,
      description: 'REJECT: free text; TERMINATE: a 第十五条 code.',
    }),
    passed: t.boolean({ required: false }),
    decision: t.field({ type: CaseDecisionEnum, required: false }),
    note: t.string({ required: false }),
  }),
  validate: ZCaseEventInput,
});

const UpdateCaseInput = builder.inputType('UpdateCaseInput', {
  description:
    'Corrects the registration (trigger and filedOn only while REGISTERED); the workflow fields change only through transitionCase.',
  fields: (t) => ({
    caseName: t.string({ required: false }),
    subjectName: t.string({ required: false }),
    trigger: t.field({ type: CaseTriggerEnum, required: false }),
    filedOn: t.field({ type: 'Date', required: false }),
  }),
});

const CaseFilterInput = builder.inputType('CaseFilter', {
  fields: (t) => ({
    q: t.string({ required: false, description: 'Part of the case or subject name.' }),
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

function filterOf(
  filter:
    (CaseFilter & { state?: CaseState[] | null; filedFrom?: PlainDate | null }) | null | undefined,
): CaseFilter {
  return filter ?? {};
}

interface CasePageArgs {
  page?: number | null;
  perPage?: number | null;
  sort?: { field: string; order: 'ASC' | 'DESC' } | null;
  filter?: CaseFilter | null;
}

function casePageArgs(args: CasePageArgs) {
  return pageArgs(
    { ...args, sortField: args.sort?.field, sortOrder: args.sort?.order ?? 'DESC' },
    CASE_SORT_FIELDS,
    'filedOn',
  );
}

const CasePage = builder.objectRef<CasePageArgs>('CasePage').implement({
  fields: (t) => ({
    nodes: t.prismaField({
      type: ['DiscretionCase'],
      resolve: (query, args, _a, ctx) => {
        const { skip, take, orderBy } = casePageArgs(args);
        return ctx.prisma.discretionCase.findMany({
          ...query,
          where: caseWhere(filterOf(args.filter)),
          skip,
          take,
          orderBy: [orderBy, { id: 'asc' }],
        });
      },
    }),
    total: t.int({
      resolve: (args, _a, ctx) =>
        ctx.prisma.discretionCase.count({ where: caseWhere(filterOf(args.filter)) }),
    }),
  }),
});

const CasePayload = builder.objectRef<{ caseId: string }>('CasePayload').implement({
  fields: (t) => ({
    case: t.prismaField({
      type: 'DiscretionCase',
      resolve: (query, parent, _a, ctx) =>
        ctx.prisma.discretionCase.findUniqueOrThrow({ ...query, where: { id: parent.caseId } }),
    }),
  }),
});

/** Answers null without a query; spreading marks Pothos' selection as used. */
export function noRow(query: object): null {
  void { ...query };
  return null;
}

function caseId(id: { typename: string; id: string }) {
  if (id.typename !== 'DiscretionCase') throw new DomainError('NOT_FOUND', '案件不存在');
  return id.id;
}

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
  casesPage: t.field({
    type: CasePage,
    authScopes: { viewer: true },
    args: { ...pageFieldArgs(t.arg), filter: t.arg({ type: CaseFilterInput, required: false }) },
    resolve: (_root, args) => {
      casePageArgs(args);
      return args;
    },
  }),
  cases: t.prismaConnection({
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
        where: caseWhere(filterOf(args.filter)),
        orderBy: [
          {
            [SORT_COLUMNS[args.sort?.field ?? 'FILED_ON']]: direction(
              args.sort?.direction ?? 'DESC',
            ),
          },
          { id: 'asc' },
        ],
      }),
    totalCount: (_parent, args, ctx) =>
      ctx.prisma.discretionCase.count({ where: caseWhere(filterOf(args.filter)) }),
  }),
}));

builder.mutationFields((t) => ({
  openDiscretionReview: t.field({
    type: CasePayload,
    authScopes: { supervisor: true },
    args: { input: t.arg({ type: OpenDiscretionReviewInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      caseId: (await openDiscretionReview(ctx, input)).id,
    }),
  }),
  transitionCase: t.field({
    type: CasePayload,
    authScopes: { supervisor: true },
    args: {
      id: t.arg.globalID({ required: true }),
      event: t.arg({ type: CaseEventInput, required: true }),
    },
    resolve: async (_root, { id, event }, ctx) => ({
      caseId: (await transitionCase(ctx, caseId(id), event)).id,
    }),
  }),
  updateCase: t.prismaField({
    type: 'DiscretionCase',
    authScopes: { supervisor: true },
    description: 'Fails with CONFLICT when `version` is not the current one.',
    args: {
      id: t.arg.globalID({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: UpdateCaseInput, required: true }),
    },
    resolve: async (query, _root, { id, version, input }, ctx) => {
      const updated = await updateCase(ctx, { id: caseId(id), version, ...input });
      return ctx.prisma.discretionCase.findUniqueOrThrow({ ...query, where: { id: updated.id } });
    },
  }),
}));
