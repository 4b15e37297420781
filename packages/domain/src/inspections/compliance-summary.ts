import type { ComplianceSummary, DataGapKind, InspectionRound } from './types.ts';

function gapOrgs(round: InspectionRound, kind: DataGapKind): string[] {
  return [...round.dataGaps]
    .filter((g) => g.kind === kind)
    .sort((a, b) => a.position - b.position)
    .map((g) => g.organizationId);
}

/** The figures of a quarter's inspection notice (contract: complianceSummary). */
export function complianceSummary(round: InspectionRound): ComplianceSummary {
  const sites = new Set(round.websiteFindings.map((f) => f.siteSeq));
  const accounts = new Set(round.newMediaFindings.map((f) => f.seq));
  return {
    quarter: round.quarter,
    // 泸市府室发〔2024〕34号 一(一): city portal + district/county portals + department sites.
    websitesChecked:
      round.cityPortalsChecked + round.districtPortalsChecked + round.departmentSitesChecked,
    websitesWithIssues: sites.size,
    websiteIssues: round.websiteFindings.length,
    websiteIssuesRectified: round.websiteFindings.filter((f) => f.rectified).length,
    newMediaAccountsChecked: round.newMediaAccountsChecked,
    newMediaAccountsWithIssues: accounts.size,
    messagesReceived: round.messagesReceived,
    messagesClosed: round.messagesClosed,
    baseDataMissing: gapOrgs(round, 'BASE'),
    processDataMissing: gapOrgs(round, 'PROCESS'),
  };
}
