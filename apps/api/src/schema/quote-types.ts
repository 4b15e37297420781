// The calculators' shared GraphQL pieces: enums from the domain's constants (described by its
// Chinese labels), the `policy` field of a result and the money formats. Each calculator's
// result types are in quote-<calculator>.ts, the inputs in quote-inputs.ts, the queries in quotes.ts.
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
export function policyField<T extends { docNo: string }>(
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

/** A yuan amount as the calculators print it (to the fen). */
export const money = (d: Decimal) => formatMoney(d);
/** A rate as a plain decimal; null stays null. */
export const fraction = (d: Decimal | null) => (d === null ? null : formatDecimal(d));
