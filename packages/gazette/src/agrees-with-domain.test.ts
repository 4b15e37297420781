// The reader's output against the domain engineers' reviewed registries of the same issue:
// two independent readings of the gazette must agree field by field.
import {
  ADOPTIONS_2024Q4_PRINTED,
  Decimal,
  DATA_GAPS_2024Q4_PRINTED,
  HOSPITAL_GRADES,
  ISSUE_2024_12_POLICIES,
  LAND_TRANSFER_STANDARDS,
  MEDICAL_ITEM_RULES,
  MEDICAL_SERVICE_ITEMS,
  MEDICAL_SERVICE_POLICY,
  LAND_TRANSFER_POLICY,
  NEW_MEDIA_FINDINGS_2024Q4_PRINTED,
  NOISE_DUTIES_POLICY_DOC_NO,
  NOISE_DUTY_ARTICLES,
  ROUND_2024Q4,
  WEBSITE_FINDINGS_2024Q4_PRINTED,
  resolveOrganization,
} from '@gazette/domain';
import { describe, expect, it } from 'vitest';
import { reading, tableOf } from './testing/issue.ts';

describe('the reader agrees with the domain registries', () => {
  it('policies: every field of the 9 documents equals ISSUE_2024_12_POLICIES', () => {
    const read = reading().documents.map(
      ({ line: _l, startLine: _s, endLine: _e, ...policy }) => policy,
    );
    expect(read).toEqual(ISSUE_2024_12_POLICIES.map((p) => ({ ...p })));
  });

  it('policies: every issuer resolves to a registered organisation', () => {
    for (const doc of reading().documents) {
      for (const issuer of doc.issuers) expect(resolveOrganization(issuer), issuer).not.toBeNull();
    }
  });

  it('medical prices: the 17 items equal MEDICAL_SERVICE_ITEMS as printed', () => {
    const items = tableOf(reading(), 'MEDICAL_SERVICE_PRICE').items;
    expect(items.map((i) => i.code)).toEqual(MEDICAL_SERVICE_ITEMS.map((i) => i.code));
    for (const [k, expected] of MEDICAL_SERVICE_ITEMS.entries()) {
      const item = items[k]!;
      expect({
        seq: item.seq,
        name: item.name,
        contents: item.contents ?? '',
        exclusions: item.exclusions ?? '',
        unit: item.unit,
        note: item.notes ?? '',
        printed: HOSPITAL_GRADES.map((g) =>
          item.priceKind === 'SURCHARGE_RATE'
            ? `${new Decimal(item.values[g]).times(100).toString()}%`
            : item.values[g],
        ),
      }).toEqual({
        ...expected,
        code: undefined,
        printed: [...expected.printed],
      } as unknown as object);
    }
  });

  it('medical prices: surcharges, add-ons, caps and included months match MEDICAL_ITEM_RULES', () => {
    const items = tableOf(reading(), 'MEDICAL_SERVICE_PRICE').items;
    for (const item of items) {
      const rule = MEDICAL_ITEM_RULES[item.code] ?? {};
      if (item.priceKind === 'SURCHARGE_RATE')
        expect(rule.surchargeOf, item.code).toBe(item.baseCode);
      if (rule.addOnTo) expect(item.baseCode, item.code).toBe(rule.addOnTo);
      expect(item.extraUnit?.rate, item.code).toBe(rule.perExtraUnitRate);
      expect(item.extraUnit?.caps, item.code).toEqual(rule.lineCap);
      expect(item.includedMonths, item.code).toBe(rule.coversMonths);
    }
  });

  it('medical and land tables carry the ranges of the domain policies', () => {
    const medical = tableOf(reading(), 'MEDICAL_SERVICE_PRICE');
    expect([
      medical.policyDocNo,
      medical.effectiveFrom,
      medical.effectiveTo,
      medical.isTrial,
    ]).toEqual([
      MEDICAL_SERVICE_POLICY.docNo,
      MEDICAL_SERVICE_POLICY.effectiveFrom,
      MEDICAL_SERVICE_POLICY.expiresOn,
      MEDICAL_SERVICE_POLICY.isTrial,
    ]);
    const land = tableOf(reading(), 'LAND_TRANSFER_FEE');
    expect([land.policyDocNo, land.effectiveFrom, land.effectiveTo]).toEqual([
      LAND_TRANSFER_POLICY.docNo,
      LAND_TRANSFER_POLICY.effectiveFrom,
      LAND_TRANSFER_POLICY.expiresOn,
    ]);
  });

  it('land standards: every cell equals LAND_TRANSFER_STANDARDS', () => {
    const entries = tableOf(reading(), 'LAND_TRANSFER_FEE').entries;
    const rows = LAND_TRANSFER_STANDARDS.map((row) => {
      const cell = (frontage: string) =>
        entries.find(
          (e) => e.landUse === row.landUse && e.grade === row.grade && e.frontage === frontage,
        )?.amount;
      return row.landUse === 'RESIDENTIAL'
        ? {
            landUse: row.landUse,
            grade: row.grade,
            streetFrontGroundFloor: null,
            other: cell('ANY'),
          }
        : {
            landUse: row.landUse,
            grade: row.grade,
            streetFrontGroundFloor: cell('STREET_FRONT_GROUND_FLOOR'),
            other: cell('OTHER'),
          };
    });
    expect(rows).toEqual(LAND_TRANSFER_STANDARDS.map((r) => ({ ...r })));
    expect(entries).toHaveLength(21);
  });

  it('noise duties: the 13 rows equal NOISE_DUTY_ARTICLES (article, law text, duty)', () => {
    const table = tableOf(reading(), 'NOISE_DUTIES');
    expect(table.policyDocNo).toBe(NOISE_DUTIES_POLICY_DOC_NO);
    expect(table.duties).toEqual(
      NOISE_DUTY_ARTICLES.map(({ seq, article, lawText, duty }) => ({
        seq,
        article,
        lawText,
        duty,
      })),
    );
  });

  it('inspection: the headline figures equal ROUND_2024Q4', () => {
    const round = tableOf(reading(), 'INSPECTION');
    expect({
      quarter: round.quarter,
      policyDocNo: round.policyDocNo,
      windowStart: round.windowStart,
      windowEnd: round.windowEnd,
      cityPortalsChecked: round.websites.cityPortals,
      districtPortalsChecked: round.websites.districtPortals,
      departmentSitesChecked: round.websites.departmentSites,
      newMediaAccountsChecked: round.newMedia.accounts,
      newMediaDistricts: round.newMedia.districts,
      newMediaParks: round.newMedia.parks,
      newMediaDepartments: round.newMedia.departments,
      messagesReceived: round.messages.received,
      messagesClosed: round.messages.closed,
      messagesOverdue: round.messages.overdue,
    }).toEqual({
      quarter: ROUND_2024Q4.quarter,
      policyDocNo: ROUND_2024Q4.policyDocNo,
      windowStart: ROUND_2024Q4.windowStart,
      windowEnd: ROUND_2024Q4.windowEnd,
      cityPortalsChecked: ROUND_2024Q4.cityPortalsChecked,
      districtPortalsChecked: ROUND_2024Q4.districtPortalsChecked,
      departmentSitesChecked: ROUND_2024Q4.departmentSitesChecked,
      newMediaAccountsChecked: ROUND_2024Q4.newMediaAccountsChecked,
      newMediaDistricts: ROUND_2024Q4.newMediaDistricts,
      newMediaParks: ROUND_2024Q4.newMediaParks,
      newMediaDepartments: ROUND_2024Q4.newMediaDepartments,
      messagesReceived: ROUND_2024Q4.messagesReceived,
      messagesClosed: ROUND_2024Q4.messagesClosed,
      messagesOverdue: ROUND_2024Q4.messagesOverdue,
    });
  });

  it('inspection: the annexes equal the printed registries', () => {
    const round = tableOf(reading(), 'INSPECTION');
    const sites = WEBSITE_FINDINGS_2024Q4_PRINTED.map((s) => ({
      siteSeq: s.siteSeq,
      siteName: s.siteName,
      findings: round.websiteFindings
        .filter((f) => f.siteSeq === s.siteSeq)
        .map((f) => f.description),
    }));
    expect(sites).toEqual(
      WEBSITE_FINDINGS_2024Q4_PRINTED.map((s) => ({ ...s, findings: [...s.findings] })),
    );
    expect(round.websiteFindings.map((f) => f.rectified)).toEqual(
      ROUND_2024Q4.websiteFindings.map((f) => f.rectified),
    );
    expect(round.newMediaFindings.map(({ rectified: _r, ...m }) => m)).toEqual(
      NEW_MEDIA_FINDINGS_2024Q4_PRINTED.map((m) => ({ ...m })),
    );
    expect(round.dataCollectionGaps.map((g) => g.organizations)).toEqual([
      [...DATA_GAPS_2024Q4_PRINTED.base2023],
      [...DATA_GAPS_2024Q4_PRINTED.process2024],
    ]);
    const by = (rating: string) =>
      round.adoptions.filter((a) => a.rating === rating).map((a) => a.organization);
    expect([by('GOOD'), by('ZERO')]).toEqual([
      [...ADOPTIONS_2024Q4_PRINTED.good],
      [...ADOPTIONS_2024Q4_PRINTED.zero],
    ]);
  });

  it('inspection: every body the annexes and adoption lists name resolves to an organisation', () => {
    const round = tableOf(reading(), 'INSPECTION');
    const names = [
      ...round.websiteFindings.map((f) => f.siteName),
      ...round.newMediaFindings.map((f) => f.owner),
      ...round.dataCollectionGaps.flatMap((g) => g.organizations),
      ...round.adoptions.map((a) => a.organization),
    ];
    const unresolved = names.filter((n) => resolveOrganization(n) === null);
    expect(unresolved).toEqual([]);
  });
});
