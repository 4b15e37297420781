// Turns an issue's checked seed files into the records the loader writes. The values (texts,
// dates, prices) come from the files; the rules (validity, categories, table dimensions, surcharge
// bases, caps, who is responsible for a duty) come from @gazette/domain, and a file that
// disagrees with them is refused, naming the file and the field.
import {
  FRONTAGE_LABELS,
  HOSPITAL_GRADES,
  LAND_GRADE_LABELS,
  LAND_TRANSFER_FEE_TABLE,
  LAND_USE_LABELS,
  MEDICAL_ITEM_RULES,
  MEDICAL_SERVICE_TABLE,
  SEED_RATE_TABLES,
  classifyCategory,
  dec,
  dutyAssignments,
  landEntryKey,
  medicalEntryAttributes,
  medicalEntryKey,
  parseDocNo,
  parseValidityClause,
  resolveOrganization,
  NOISE_DUTIES_POLICY_DOC_NO,
  NOISE_DUTY_ARTICLES,
  type DutyAssignment,
  type GazettePolicy,
  type InspectionRound,
  type RateEntry,
  type RateTable,
} from '@gazette/domain';
import { SEED_FILES, type SeedInspectionRound, type SeedLandTransferFeeTable, type SeedMedicalPriceTable, type SeedNoiseDutiesFile } from '@gazette/gazette';
import path from 'node:path';
import { At } from './check.ts';
import type { IssueSeed } from './files.ts';

export interface SeedDuty {
  seq: number;
  article: string;
  lawText: string;
  duty: string;
  /** Official organisation names with their role, from the domain's reading of the 职责部门 cell. */
  assignments: { organization: string; role: string | null }[];
}

/** Everything one issue seeds, ready to write. */
export interface IssueRecords {
  policies: GazettePolicy[];
  rateTables: RateTable[];
  duties: { policyDocNo: string; duties: SeedDuty[] } | null;
  rounds: InspectionRound[];
}

const at = (dir: string, name: string) => new At(path.join(path.basename(dir), name));

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function buildPolicies(seed: IssueSeed): GazettePolicy[] {
  const file = at(seed.dir, SEED_FILES.policies);
  return seed.policies.policies.map((p, i) => {
    const here = file.key('policies').key(i);
    const parsed = parseDocNo(p.docNo);
    if (!parsed || parsed.docNo !== p.docNo) return here.key('docNo').fail(`不是规范的文号:${p.docNo}`);
    if (parsed.prefix !== p.prefix || parsed.year !== p.year || parsed.serial !== p.serial)
      here.key('prefix').fail(`与文号 ${p.docNo} 不一致`);
    const category = classifyCategory({ docNo: p.docNo, issuers: p.issuers });
    if (category !== p.category) here.key('category').fail(`应为 ${category ?? '无法判断'}(按文号与发文机关)`);
    p.issuers.forEach((name, k) => {
      if (!resolveOrganization(name)) here.key('issuers').key(k).fail(`不是已登记的机构名称:${name}`);
    });
    // The reader reads validity from the clause and the title ((试行) in a title marks a trial).
    const validity = parseValidityClause(`${p.validityClause ?? ''}${p.title}`, p.signedOn);
    for (const field of ['effectiveFrom', 'expiresOn', 'isTrial'] as const) {
      if (validity[field] !== p[field]) here.key(field).fail(`与施行条款不符,按条款应为 ${String(validity[field])}`);
    }
    return { ...p, issuers: [...p.issuers] };
  });
}

/** A table's range must be its policy's: a version with effectiveTo null ends with the policy. */
function checkTablePolicy(
  file: At,
  table: { policyDocNo: string; effectiveFrom: string; effectiveTo: string | null; isTrial?: boolean },
  policies: GazettePolicy[],
): GazettePolicy {
  const policy = policies.find((p) => p.docNo === table.policyDocNo);
  if (!policy) return file.key('policyDocNo').fail(`不是本期 ${SEED_FILES.policies} 中的文件:${table.policyDocNo}`);
  if (table.effectiveFrom !== policy.effectiveFrom) file.key('effectiveFrom').fail(`应为文件的施行日期 ${policy.effectiveFrom}`);
  if (table.effectiveTo !== policy.expiresOn) file.key('effectiveTo').fail(`应为文件的有效期末日 ${String(policy.expiresOn)}`);
  if (table.isTrial !== undefined && table.isTrial !== policy.isTrial) file.key('isTrial').fail(`应与文件一致(${policy.isTrial})`);
  return policy;
}

/** The domain's table structure with the file's name, policy, start date and entries. */
function seededTable(
  structure: RateTable,
  t: { name: string; effectiveFrom: string },
  policy: GazettePolicy,
  entries: RateEntry[],
): RateTable {
  return {
    ...structure,
    name: t.name,
    policy,
    versions: structure.versions.map((v) => ({ ...v, effectiveFrom: t.effectiveFrom, entries })),
  };
}

function medicalTable(dir: string, t: SeedMedicalPriceTable, policies: GazettePolicy[]): RateTable {
  const file = at(dir, SEED_FILES.medicalServicePrices);
  const policy = checkTablePolicy(file, t, policies);
  const entries: RateEntry[] = [];
  t.items.forEach((item, i) => {
    const here = file.key('items').key(i);
    const rule = MEDICAL_ITEM_RULES[item.code] ?? {};
    // 泸市医保规〔2024〕4号 附件: a 加收 percentage is a rate of its base item's price, same grade.
    if (item.priceKind === 'SURCHARGE_RATE' && rule.surchargeOf !== item.baseCode)
      here.key('baseCode').fail(`加收比例的基准项目应为 ${rule.surchargeOf ?? '(领域规则中未登记)'}`);
    if (item.extraUnit && (item.extraUnit.rate !== rule.perExtraUnitRate || !same(item.extraUnit.caps, rule.lineCap)))
      here.key('extraUnit').fail('与领域规则 MEDICAL_ITEM_RULES 不一致');
    if (item.includedMonths !== rule.coversMonths) here.key('includedMonths').fail(`应为 ${String(rule.coversMonths)}`);
    for (const grade of HOSPITAL_GRADES) {
      const value = item.values[grade];
      const attributes = medicalEntryAttributes(
        { seq: item.seq, contents: item.contents ?? '', exclusions: item.exclusions ?? '', note: item.notes ?? '' },
        rule,
        grade,
      );
      const surcharge = item.priceKind === 'SURCHARGE_RATE';
      entries.push({
        key: medicalEntryKey(item.code, grade),
        dimensions: { code: item.code, grade },
        code: item.code,
        name: item.name,
        unit: item.unit,
        amount: surcharge ? null : dec(value),
        rate: surcharge ? dec(value) : null,
        baseKey: surcharge && rule.surchargeOf ? medicalEntryKey(rule.surchargeOf, grade) : null,
        attributes,
        position: entries.length,
      });
    }
  });
  return seededTable(MEDICAL_SERVICE_TABLE, t, policy, entries);
}

function landTable(dir: string, t: SeedLandTransferFeeTable, policies: GazettePolicy[]): RateTable {
  const file = at(dir, SEED_FILES.landTransferFees);
  const policy = checkTablePolicy(file, t, policies);
  const entries: RateEntry[] = t.entries.map((e, i) => {
    const here = file.key('entries').key(i);
    // 泸市自然资规函〔2024〕425号 附件: grades I–VII; residential land has one column (ANY).
    if (e.grade < 1 || e.grade > LAND_GRADE_LABELS.length) here.key('grade').fail('应为 1–7');
    if ((e.landUse === 'RESIDENTIAL') !== (e.frontage === 'ANY'))
      here.key('frontage').fail('住宅用地只有 ANY 一列,商服用地分临街与其他');
    return {
      key: landEntryKey(e.landUse, e.grade, e.frontage),
      dimensions: { landUse: e.landUse, grade: String(e.grade), frontage: e.frontage },
      code: null,
      name: `${LAND_USE_LABELS[e.landUse]} ${LAND_GRADE_LABELS[e.grade - 1] ?? ''} ${FRONTAGE_LABELS[e.frontage]}`,
      unit: t.unit,
      amount: dec(e.amount),
      rate: null,
      baseKey: null,
      attributes: {},
      position: i,
    };
  });
  return seededTable(LAND_TRANSFER_FEE_TABLE, t, policy, entries);
}

function buildDuties(dir: string, f: SeedNoiseDutiesFile, policies: GazettePolicy[]): IssueRecords['duties'] {
  const file = at(dir, SEED_FILES.noiseDuties);
  if (!policies.some((p) => p.docNo === f.policyDocNo)) file.key('policyDocNo').fail(`不是本期 ${SEED_FILES.policies} 中的文件`);
  // The responsible bodies of each row are the domain's reading of 泸市府办发〔2024〕47号 附件.
  if (f.policyDocNo !== NOISE_DUTIES_POLICY_DOC_NO) file.key('policyDocNo').fail('领域中没有该文件的职责部门对应');
  const assignments: DutyAssignment[] = dutyAssignments();
  return {
    policyDocNo: f.policyDocNo,
    duties: f.duties.map((d, i) => {
      const known = NOISE_DUTY_ARTICLES.find((a) => a.seq === d.seq);
      if (!known || known.article !== d.article) file.key('duties').key(i).key('article').fail(`序号 ${d.seq} 在领域中的条款是 ${known?.article ?? '(无)'}`);
      const seen = new Set<string>();
      return {
        ...d,
        assignments: assignments
          .filter((a) => a.seq === d.seq)
          .filter((a) => (seen.has(a.organization) ? false : (seen.add(a.organization), true)))
          .map((a) => ({ organization: a.organization, role: a.role })),
      };
    }),
  };
}

function buildRound(dir: string, r: SeedInspectionRound, policies: GazettePolicy[]): InspectionRound {
  const file = at(dir, `inspection-${r.quarter}.json`);
  if (!policies.some((p) => p.docNo === r.policyDocNo)) file.key('policyDocNo').fail(`不是本期 ${SEED_FILES.policies} 中的文件`);
  const w = r.websites;
  if (w.total !== w.cityPortals + w.districtPortals + w.departmentSites) file.key('websites.total').fail('不等于三类网站之和');
  const org = (name: string, here: At) => resolveOrganization(name)?.name ?? here.fail(`不是已登记的机构名称:${name}`);
  const positions = { BASE: 0, PROCESS: 0 };
  return {
    quarter: r.quarter,
    policyDocNo: r.policyDocNo,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    cityPortalsChecked: w.cityPortals,
    districtPortalsChecked: w.districtPortals,
    departmentSitesChecked: w.departmentSites,
    newMediaAccountsChecked: r.newMedia.accounts,
    newMediaDistricts: r.newMedia.districts,
    newMediaParks: r.newMedia.parks,
    newMediaDepartments: r.newMedia.departments,
    messagesReceived: r.messages.received,
    messagesClosed: r.messages.closed,
    messagesOverdue: r.messages.overdue,
    websiteFindings: r.websiteFindings.map((f, i) => ({
      organizationId: org(f.siteName, file.key('websiteFindings').key(i).key('siteName')),
      siteSeq: f.siteSeq,
      siteName: f.siteName,
      position: f.position,
      description: f.description,
      rectified: f.rectified,
      // The annexes print no rectification date.
      rectifiedOn: null,
    })),
    newMediaFindings: r.newMediaFindings.map((f, i) => ({
      organizationId: org(f.owner, file.key('newMediaFindings').key(i).key('owner')),
      seq: f.seq,
      account: f.account,
      platform: f.platform,
      description: f.description,
      rectified: f.rectified,
      rectifiedOn: null,
    })),
    dataGaps: r.dataCollectionGaps.flatMap((g, i) =>
      g.organizations.map((name, k) => ({
        organizationId: org(name, file.key('dataCollectionGaps').key(i).key('organizations').key(k)),
        kind: g.kind,
        dataYear: g.dataYear,
        position: positions[g.kind]++,
      })),
    ),
    adoptions: r.adoptions.map((a, i) => ({
      organizationId: org(a.organization, file.key('adoptions').key(i).key('organization')),
      rating: a.rating,
      position: a.position,
    })),
  };
}

/** Kinds of table the reader writes a file for: never seeded from the domain's copy. */
const READ_KINDS = new Set<RateTable['kind']>(['MEDICAL_SERVICE_PRICE', 'LAND_TRANSFER_FEE']);

/** The records of one issue; throws SeedFileError before anything is written. */
export function buildIssueRecords(seed: IssueSeed): IssueRecords {
  const policies = buildPolicies(seed);
  const fromFiles: RateTable[] = [];
  if (seed.medical) fromFiles.push(medicalTable(seed.dir, seed.medical, policies));
  if (seed.land) fromFiles.push(landTable(seed.dir, seed.land, policies));
  // Tables the reader does not produce (rehabilitation caps set in the text of 泸市府规〔2024〕4号,
  // the empty 年期修正系数 table) come from the domain, with the issue that carries their policy.
  const docNos = new Set(policies.map((p) => p.docNo));
  const own = new Set(fromFiles.map((t) => t.key));
  const fromDomain = SEED_RATE_TABLES.filter(
    (t) => !READ_KINDS.has(t.kind) && !own.has(t.key) && docNos.has(t.policy.docNo),
  );
  const order = SEED_RATE_TABLES.map((t) => t.key);
  const rateTables = [...fromFiles, ...fromDomain].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return {
    policies,
    rateTables,
    duties: seed.duties ? buildDuties(seed.dir, seed.duties, policies) : null,
    rounds: seed.inspections.map((r) => buildRound(seed.dir, r, policies)),
  };
}
