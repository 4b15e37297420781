import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireOrganization } from '../organizations/resolve-organization.ts';
import { ROUND_2024Q4 } from './round-2024q4.ts';

// The gazette reader writes prisma/seed/2024-12 from the issue text; this round is the reviewed
// truth. They must agree, and every name the seed prints must resolve to the same body.
const seed = JSON.parse(
  readFileSync(
    new URL('../../../../prisma/seed/2024-12/inspection-2024Q4.json', import.meta.url),
    'utf8',
  ),
) as {
  windowStart: string;
  windowEnd: string;
  websites: { cityPortals: number; districtPortals: number; departmentSites: number };
  newMedia: { accounts: number; districts: number; parks: number; departments: number };
  messages: { received: number; closed: number; overdue: number };
  adoptions: { rating: string; organization: string; position: number }[];
  websiteFindings: {
    siteSeq: number;
    siteName: string;
    position: number;
    description: string;
    rectified: boolean;
  }[];
  newMediaFindings: {
    seq: number;
    account: string;
    owner: string;
    platform: string;
    description: string;
  }[];
  dataCollectionGaps: { kind: string; dataYear: number; organizations: string[] }[];
};
const body = (name: string) => requireOrganization(name, 'seed').name;

describe('the reader seed of 2024Q4 agrees with ROUND_2024Q4', () => {
  it('has the same window and counts', () => {
    const r = ROUND_2024Q4;
    expect([seed.windowStart, seed.windowEnd]).toEqual([r.windowStart, r.windowEnd]);
    expect(seed.websites).toMatchObject({
      cityPortals: r.cityPortalsChecked,
      districtPortals: r.districtPortalsChecked,
      departmentSites: r.departmentSitesChecked,
    });
    expect(seed.newMedia).toEqual({
      accounts: r.newMediaAccountsChecked,
      districts: r.newMediaDistricts,
      parks: r.newMediaParks,
      departments: r.newMediaDepartments,
    });
    expect(seed.messages).toEqual({
      received: r.messagesReceived,
      closed: r.messagesClosed,
      overdue: r.messagesOverdue,
    });
  });
  it('has the same website findings, each site resolving to the same body', () => {
    expect(
      seed.websiteFindings.map((f) => [
        f.siteSeq,
        f.position,
        f.siteName,
        f.description,
        f.rectified,
        body(f.siteName),
      ]),
    ).toEqual(
      ROUND_2024Q4.websiteFindings.map((f) => [
        f.siteSeq,
        f.position,
        f.siteName,
        f.description,
        f.rectified,
        f.organizationId,
      ]),
    );
  });
  it('has the same new-media findings, each owner resolving to the same body', () => {
    expect(
      seed.newMediaFindings.map((f) => [
        f.seq,
        f.account,
        f.platform,
        f.description,
        body(f.owner),
      ]),
    ).toEqual(
      ROUND_2024Q4.newMediaFindings.map((f) => [
        f.seq,
        f.account,
        f.platform,
        f.description,
        f.organizationId,
      ]),
    );
  });
  it('has the same adoptions and data gaps', () => {
    expect(seed.adoptions.map((a) => [a.rating, a.position, body(a.organization)])).toEqual(
      ROUND_2024Q4.adoptions.map((a) => [a.rating, a.position, a.organizationId]),
    );
    const gaps = seed.dataCollectionGaps.flatMap((g) =>
      g.organizations.map((o, position) => [g.kind, g.dataYear, position, body(o)]),
    );
    expect(gaps).toEqual(
      ROUND_2024Q4.dataGaps.map((g) => [g.kind, g.dataYear, g.position, g.organizationId]),
    );
  });
});
