// Reads one issue folder of prisma/seed/ (the gazette reader's reviewed output) and checks every
// file against the shapes of @gazette/gazette before anything is written.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  SEED_FILES,
  type SeedInspectionRound,
  type SeedLandTransferFeeTable,
  type SeedMedicalPriceTable,
  type SeedNoiseDutiesFile,
  type SeedPoliciesFile,
} from '@gazette/gazette';
import { At, SeedFileError, array, bool, date, decimal, int, literal, nullable, object, oneOf, optional, record, str, type Check } from './check.ts';

const GRADES = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B', 'BELOW_SECONDARY_B'] as const;
const label = <T extends string>(values: readonly T[]) => object({ value: oneOf(values), label: str });

const policiesFile: Check<SeedPoliciesFile> = object({
  issue: object({ label: str, number: int, year: int, serial: int, printedOn: nullable(date) }),
  policies: array(
    object({
      docNo: str,
      prefix: str,
      year: int,
      serial: int,
      title: str,
      category: oneOf(['MUNICIPAL_GOVERNMENT', 'GOVERNMENT_OFFICE', 'DEPARTMENT'] as const),
      issuers: array(str),
      signedOn: date,
      validityClause: nullable(str),
      effectiveFrom: date,
      expiresOn: nullable(date),
      isTrial: bool,
      issueLabel: str,
      page: nullable(int),
    }),
  ),
});

const medicalFile: Check<SeedMedicalPriceTable> = object({
  key: literal('medical-service-prices'),
  kind: literal('MEDICAL_SERVICE_PRICE'),
  name: str,
  policyDocNo: str,
  effectiveFrom: date,
  effectiveTo: nullable(date),
  isTrial: bool,
  grades: array(label(GRADES)),
  items: array(
    object({
      seq: int,
      code: str,
      baseCode: nullable(str),
      name: str,
      contents: nullable(str),
      exclusions: nullable(str),
      unit: str,
      notes: nullable(str),
      priceKind: oneOf(['AMOUNT', 'SURCHARGE_RATE'] as const),
      values: record(GRADES, decimal),
      extraUnit: optional(object({ rate: decimal, caps: record(GRADES, decimal) })),
      includedMonths: optional(int),
    }),
  ),
});

const landFile: Check<SeedLandTransferFeeTable> = object({
  key: literal('land-transfer-fees'),
  kind: literal('LAND_TRANSFER_FEE'),
  name: str,
  policyDocNo: str,
  effectiveFrom: date,
  effectiveTo: nullable(date),
  unit: str,
  landUses: array(label(['COMMERCIAL', 'RESIDENTIAL'] as const)),
  entries: array(
    object({
      landUse: oneOf(['COMMERCIAL', 'RESIDENTIAL'] as const),
      grade: int,
      frontage: oneOf(['STREET_FRONT_GROUND_FLOOR', 'OTHER', 'ANY'] as const),
      amount: decimal,
    }),
  ),
});

const dutiesFile: Check<SeedNoiseDutiesFile> = object({
  policyDocNo: str,
  title: str,
  duties: array(object({ seq: int, article: str, lawText: str, duty: str })),
});

const inspectionFile: Check<SeedInspectionRound> = object({
  quarter: str,
  policyDocNo: str,
  windowStart: date,
  windowEnd: date,
  websites: object({ cityPortals: int, districtPortals: int, departmentSites: int, total: int }),
  newMedia: object({ accounts: int, districts: int, parks: int, departments: int }),
  messages: object({ received: int, closed: int, overdue: int }),
  adoptions: array(object({ rating: oneOf(['GOOD', 'ZERO'] as const), organization: str, position: int })),
  websiteFindings: array(
    object({ siteSeq: int, siteName: str, position: int, description: str, status: str, rectified: bool }),
  ),
  newMediaFindings: array(
    object({ seq: int, account: str, owner: str, platform: str, description: str, rectified: bool }),
  ),
  dataCollectionGaps: array(object({ kind: oneOf(['BASE', 'PROCESS'] as const), dataYear: int, organizations: array(str) })),
});

/** One issue's seed files, checked. Only policies.json is required; the others are per document. */
export interface IssueSeed {
  dir: string;
  policies: SeedPoliciesFile;
  medical: SeedMedicalPriceTable | null;
  land: SeedLandTransferFeeTable | null;
  duties: SeedNoiseDutiesFile | null;
  inspections: SeedInspectionRound[];
}

function readJson<T>(dir: string, name: string, check: Check<T>, required: boolean): T | null {
  const file = path.join(path.basename(dir), name);
  let text: string;
  try {
    text = readFileSync(path.join(dir, name), 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SeedFileError(file, '', `无法读取:${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SeedFileError(file, '', `不是有效的 JSON:${(error as Error).message}`);
  }
  return check(value, new At(file));
}

/** Reads and checks the seed files of one issue folder, e.g. prisma/seed/2024-12. */
export function readIssueSeed(dir: string): IssueSeed {
  const inspections = readdirSync(dir)
    .filter((name) => /^inspection-.+\.json$/.test(name))
    .sort()
    .map((name) => readJson(dir, name, inspectionFile, true)!);
  return {
    dir,
    policies: readJson(dir, SEED_FILES.policies, policiesFile, true)!,
    medical: readJson(dir, SEED_FILES.medicalServicePrices, medicalFile, false),
    land: readJson(dir, SEED_FILES.landTransferFees, landFile, false),
    duties: readJson(dir, SEED_FILES.noiseDuties, dutiesFile, false),
    inspections,
  };
}
