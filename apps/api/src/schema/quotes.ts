// Calculators of the public contract. Each computes in memory from the rate table loaded once
// per request (loadRateTable); every rule lives in the domain package.
import {
  checkRehabAssistance,
  formatDecimal,
  formatMoney,
  HOSPITAL_GRADES,
  LAND_TRANSFER_TABLE_KEY,
  MEDICAL_SERVICE_TABLE_KEY,
  medicalServicePrice,
  quoteLandTransferFee,
  quoteMedicalServices,
  REHAB_SERVICES,
  REHAB_TABLE_KEY,
  ZLandTransferFeeInput,
  ZMedicalServiceQuoteInput,
  ZRehabAssistanceInput,
  DomainError,
  type Decimal,
  type PlainDate,
  type LandTransferFeeQuote,
  type MedicalServicePrice,
  type MedicalServiceQuote,
  type MedicalServiceQuoteLine,
  type RateTable as DomainRateTable,
  type RehabAssistanceResult,
} from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { builder } from '../builder.ts';
import { loadRateTable } from '../services/rates/load-rate-table.ts';
import { asOfOrToday } from './shared.ts';

export const HospitalGradeEnum = builder.enumType('HospitalGrade', {
  values: {
    TERTIARY_A: { description: '三甲' },
    TERTIARY_B: { description: '三乙' },
    SECONDARY_A: { description: '二甲' },
    SECONDARY_B: { description: '二乙' },
    BELOW_SECONDARY_B: { description: '二乙以下' },
  },
});
// The enum must match the domain's grades exactly.
if (HOSPITAL_GRADES.length !== 5) throw new Error('HospitalGrade out of sync with the domain');

export const LandUseEnum = builder.enumType('LandUse', {
  values: { COMMERCIAL: { description: '商服用地' }, RESIDENTIAL: { description: '住宅用地' } },
});
export const FeeBasisEnum = builder.enumType('FeeBasis', { values: ['STANDARD', 'APPRAISAL'] as const });
export const RehabServiceEnum = builder.enumType('RehabService', { values: REHAB_SERVICES });

async function requireTable(ctx: GazetteContext, key: string, asOf: PlainDate): Promise<DomainRateTable> {
  const table = await loadRateTable(ctx, key, asOf);
  if (!table) throw new DomainError('RATE_NOT_IN_FORCE', `没有费率表 ${key}`, { details: { table: key } });
  return table;
}

/** `policy { … }` of a calculator result: the document, loaded with the client's selection. */
function policyField<T extends { docNo: string }>(t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<import('../builder.ts').GazetteSchemaTypes>, T>) {
  return t.prismaField({
    type: 'Policy',
    resolve: async (query, parent, _args, ctx) =>
      ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { docNo: parent.docNo } }),
  });
}

const money = (d: Decimal) => formatMoney(d);
const fraction = (d: Decimal | null) => (d === null ? null : formatDecimal(d));

const MedicalServicePriceRef = builder.objectRef<MedicalServicePrice>('MedicalServicePrice').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    grade: t.field({ type: HospitalGradeEnum, resolve: (p) => p.grade }),
    amount: t.field({ type: 'Decimal', nullable: true, description: 'Yuan; null for a percentage surcharge.', resolve: (p) => (p.amount ? money(p.amount) : null) }),
    surchargeRate: t.field({ type: 'Decimal', nullable: true, description: 'Fraction of the base item ("0.39").', resolve: (p) => fraction(p.surchargeRate) }),
    baseCode: t.exposeString('baseCode', { nullable: true }),
    contents: t.exposeString('contents'),
    exclusions: t.exposeString('exclusions'),
    note: t.exposeString('note'),
    policy: policyField(t),
  }),
});

const MedicalServiceQuoteLineRef = builder.objectRef<MedicalServiceQuoteLine>('MedicalServiceQuoteLine').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    quantity: t.exposeInt('quantity'),
    unitPrice: t.field({ type: 'Decimal', resolve: (l) => formatDecimal(l.unitPrice) }),
    surchargeRate: t.field({ type: 'Decimal', nullable: true, resolve: (l) => fraction(l.surchargeRate) }),
    amount: t.field({ type: 'Decimal', resolve: (l) => money(l.amount) }),
    cap: t.field({ type: 'Decimal', nullable: true, resolve: (l) => (l.cap ? money(l.cap) : null) }),
    capApplied: t.exposeBoolean('capApplied'),
    rule: t.exposeString('rule'),
    article: t.exposeString('article'),
  }),
});

const MedicalServiceQuoteRef = builder.objectRef<MedicalServiceQuote>('MedicalServiceQuote').implement({
  fields: (t) => ({
    grade: t.field({ type: HospitalGradeEnum, resolve: (q) => q.grade }),
    asOf: t.field({ type: 'Date', resolve: (q) => q.asOf }),
    isTrial: t.exposeBoolean('isTrial'),
    total: t.field({ type: 'Decimal', resolve: (q) => money(q.total) }),
    lines: t.field({ type: [MedicalServiceQuoteLineRef], resolve: (q) => q.lines }),
    policy: policyField(t),
  }),
});

const LandTransferFeeStepRef = builder
  .objectRef<LandTransferFeeQuote['steps'][number]>('LandTransferFeeStep')
  .implement({
    fields: (t) => ({
      rule: t.exposeString('rule'),
      article: t.exposeString('article'),
      amount: t.field({ type: 'Decimal', description: 'Running amount, exact.', resolve: (s) => formatDecimal(s.amount) }),
    }),
  });

const LandTransferFeeQuoteRef = builder.objectRef<LandTransferFeeQuote>('LandTransferFeeQuote').implement({
  fields: (t) => ({
    landUse: t.field({ type: LandUseEnum, resolve: (q) => q.landUse }),
    grade: t.exposeInt('grade'),
    frontage: t.exposeString('frontage'),
    standardPerSqm: t.field({ type: 'Decimal', resolve: (q) => money(q.standardPerSqm) }),
    floorArea: t.field({ type: 'Decimal', resolve: (q) => formatDecimal(q.floorArea) }),
    termCoefficient: t.field({ type: 'Decimal', resolve: (q) => formatDecimal(q.termCoefficient) }),
    standardFee: t.field({ type: 'Decimal', resolve: (q) => money(q.standardFee) }),
    appraisedAmount: t.field({ type: 'Decimal', nullable: true, resolve: (q) => (q.appraisedAmount ? money(q.appraisedAmount) : null) }),
    housingReform: t.exposeBoolean('housingReform'),
    basis: t.field({ type: FeeBasisEnum, resolve: (q) => q.basis }),
    amount: t.field({ type: 'Decimal', resolve: (q) => money(q.amount) }),
    steps: t.field({ type: [LandTransferFeeStepRef], resolve: (q) => q.steps }),
    policy: policyField(t),
  }),
});

const RehabAssistanceResultRef = builder.objectRef<RehabAssistanceResult>('RehabAssistanceResult').implement({
  fields: (t) => ({
    eligible: t.exposeBoolean('eligible'),
    service: t.field({ type: RehabServiceEnum, resolve: (r) => r.service }),
    cap: t.field({ type: 'Decimal', resolve: (r) => money(r.cap) }),
    capPeriod: t.exposeString('capPeriod'),
    remaining: t.field({ type: 'Decimal', resolve: (r) => money(r.remaining) }),
    approvedAmount: t.field({ type: 'Decimal', resolve: (r) => money(r.approvedAmount) }),
    reasons: t.exposeStringList('reasons'),
    article: t.exposeString('article'),
    countyApplied: t.exposeString('countyApplied', { nullable: true }),
    nextDeviceDate: t.field({ type: 'Date', nullable: true, resolve: (r) => r.nextDeviceDate }),
    policy: policyField(t),
  }),
});

const MedicalServiceQuoteItemInput = builder.inputType('MedicalServiceQuoteItemInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    quantity: t.int({ required: true, description: 'Units; for 单精子注射 the number of eggs.' }),
  }),
});

const MedicalServiceQuoteInput = builder.inputType('MedicalServiceQuoteInput', {
  fields: (t) => ({
    grade: t.field({ type: HospitalGradeEnum, required: true }),
    asOf: t.field({ type: 'Date', required: false, description: 'Today in Asia/Shanghai when omitted.' }),
    items: t.field({ type: [MedicalServiceQuoteItemInput], required: true }),
  }),
  validate: ZMedicalServiceQuoteInput,
});

const LandTransferFeeInput = builder.inputType('LandTransferFeeInput', {
  fields: (t) => ({
    landUse: t.field({ type: LandUseEnum, required: true }),
    grade: t.int({ required: true, description: '基准地价级别 1–7' }),
    streetFrontGroundFloor: t.boolean({ required: false, defaultValue: false }),
    floorArea: t.field({ type: 'Decimal', required: true }),
    termCoefficient: t.field({ type: 'Decimal', required: true }),
    housingReform: t.boolean({ required: false, defaultValue: false }),
    appraisedAmount: t.field({ type: 'Decimal', required: false }),
    asOf: t.field({ type: 'Date', required: false }),
  }),
  validate: ZLandTransferFeeInput,
});

const RehabAssistanceInput = builder.inputType('RehabAssistanceInput', {
  fields: (t) => ({
    birthDate: t.field({ type: 'Date', required: true }),
    applicationDate: t.field({ type: 'Date', required: true }),
    luzhouHukou: t.boolean({ required: true }),
    service: t.field({ type: RehabServiceEnum, required: true }),
    requestedAmount: t.field({ type: 'Decimal', required: true }),
    fundedThisYear: t.field({ type: 'Decimal', required: false }),
    lastSameDeviceDate: t.field({ type: 'Date', required: false }),
    county: t.string({ required: false }),
  }),
  validate: ZRehabAssistanceInput,
});

builder.queryFields((t) => ({
  medicalServicePrice: t.field({
    type: MedicalServicePriceRef,
    nullable: true,
    args: {
      code: t.arg.string({ required: true }),
      grade: t.arg({ type: HospitalGradeEnum, required: true }),
      asOf: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_root, args, ctx) =>
      medicalServicePrice(await requireTable(ctx, MEDICAL_SERVICE_TABLE_KEY, args.asOf), args.code, args.grade, args.asOf),
  }),
  medicalServiceQuote: t.field({
    type: MedicalServiceQuoteRef,
    args: { input: t.arg({ type: MedicalServiceQuoteInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      quoteMedicalServices(await requireTable(ctx, MEDICAL_SERVICE_TABLE_KEY, asOfOrToday(input.asOf)), {
        grade: input.grade,
        asOf: asOfOrToday(input.asOf),
        items: input.items,
      }),
  }),
  landTransferFeeQuote: t.field({
    type: LandTransferFeeQuoteRef,
    args: { input: t.arg({ type: LandTransferFeeInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      quoteLandTransferFee(await requireTable(ctx, LAND_TRANSFER_TABLE_KEY, asOfOrToday(input.asOf)), {
        landUse: input.landUse,
        grade: input.grade,
        streetFrontGroundFloor: input.streetFrontGroundFloor ?? false,
        floorArea: input.floorArea,
        termCoefficient: input.termCoefficient,
        housingReform: input.housingReform ?? false,
        appraisedAmount: input.appraisedAmount ?? null,
        asOf: asOfOrToday(input.asOf),
      }),
  }),
  rehabAssistanceCheck: t.field({
    type: RehabAssistanceResultRef,
    args: { input: t.arg({ type: RehabAssistanceInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      checkRehabAssistance(await requireTable(ctx, REHAB_TABLE_KEY, input.applicationDate), {
        birthDate: input.birthDate,
        applicationDate: input.applicationDate,
        luzhouHukou: input.luzhouHukou,
        service: input.service,
        requestedAmount: input.requestedAmount,
        fundedThisYear: input.fundedThisYear ?? null,
        lastSameDeviceDate: input.lastSameDeviceDate ?? null,
        county: input.county ?? null,
      }),
  }),
}));
