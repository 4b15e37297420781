// Calculators of the public contract. Each computes in memory from the rate table loaded once
// per request (loadRateTable); every rule lives in the domain package. Types: quote-*.ts.
import {
  checkRehabAssistance,
  LAND_TRANSFER_TABLE_KEY,
  MEDICAL_SERVICE_TABLE_KEY,
  medicalServicePrice,
  quoteLandTransferFee,
  quoteMedicalServices,
  REHAB_TABLE_KEY,
  DomainError,
  type PlainDate,
  type RateTable as DomainRateTable,
} from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { builder } from '../builder.ts';
import { loadRateTable } from '../services/rates/load-rate-table.ts';
import { asOfOrToday } from './shared.ts';
import { HospitalGradeEnum } from './quote-types.ts';
import { LandTransferFeeQuoteRef } from './quote-land-transfer-fee.ts';
import { MedicalServicePriceRef, MedicalServiceQuoteRef } from './quote-medical-service.ts';
import { RehabAssistanceResultRef } from './quote-rehab-assistance.ts';
import {
  LandTransferFeeInput,
  MedicalServiceQuoteInput,
  RehabAssistanceInput,
} from './quote-inputs.ts';

async function requireTable(
  ctx: GazetteContext,
  key: string,
  asOf: PlainDate,
): Promise<DomainRateTable> {
  const table = await loadRateTable(ctx, key, asOf);
  if (!table)
    throw new DomainError('RATE_NOT_IN_FORCE', `没有费率表 ${key}`, { details: { table: key } });
  return table;
}

builder.queryFields((t) => ({
  medicalServicePrice: t.field({
    description: '某医疗服务项目在某等级医疗机构、某日的价格;该日没有生效的价格时为 null',
    type: MedicalServicePriceRef,
    nullable: true,
    args: {
      code: t.arg.string({ description: '项目编码', required: true }),
      grade: t.arg({ description: '医疗机构等级', type: HospitalGradeEnum, required: true }),
      asOf: t.arg({ description: '日期', type: 'Date', required: true }),
    },
    resolve: async (_root, args, ctx) =>
      medicalServicePrice(
        await requireTable(ctx, MEDICAL_SERVICE_TABLE_KEY, args.asOf),
        args.code,
        args.grade,
        args.asOf,
      ),
  }),
  medicalServiceQuote: t.field({
    description: '按医疗机构等级计算多个医疗服务项目的费用(泸市医保规〔2024〕4号)',
    type: MedicalServiceQuoteRef,
    args: {
      input: t.arg({ description: '计价的输入', type: MedicalServiceQuoteInput, required: true }),
    },
    resolve: async (_root, { input }, ctx) =>
      quoteMedicalServices(
        await requireTable(ctx, MEDICAL_SERVICE_TABLE_KEY, asOfOrToday(input.asOf)),
        {
          grade: input.grade,
          asOf: asOfOrToday(input.asOf),
          items: input.items,
        },
      ),
  }),
  landTransferFeeQuote: t.field({
    description: '计算国有建设用地二级市场共用宗地的土地出让金(泸市自然资规函〔2024〕425号)',
    type: LandTransferFeeQuoteRef,
    args: {
      input: t.arg({ description: '计算的输入', type: LandTransferFeeInput, required: true }),
    },
    resolve: async (_root, { input }, ctx) =>
      quoteLandTransferFee(
        await requireTable(ctx, LAND_TRANSFER_TABLE_KEY, asOfOrToday(input.asOf)),
        {
          landUse: input.landUse,
          grade: input.grade,
          streetFrontGroundFloor: input.streetFrontGroundFloor ?? false,
          floorArea: input.floorArea,
          termCoefficient: input.termCoefficient,
          housingReform: input.housingReform ?? false,
          appraisedAmount: input.appraisedAmount ?? null,
          asOf: asOfOrToday(input.asOf),
        },
      ),
  }),
  rehabAssistanceCheck: t.field({
    description: '审核残疾儿童康复救助的条件与金额(泸市府规〔2024〕4号)',
    type: RehabAssistanceResultRef,
    args: {
      input: t.arg({ description: '审核的输入', type: RehabAssistanceInput, required: true }),
    },
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
