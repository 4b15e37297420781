import type { ComplianceSummary, DataGapKind, InspectionRound } from './types.ts';

/**
 * What a quarter's compliance figures are computed from: the round's printed figures, the
 * counts of its findings, and its data-collection gaps. The API fills it from SQL aggregates,
 * so a quarter's summary never needs the findings themselves.
 */
export interface ComplianceCounts {
  quarter: string;
  cityPortalsChecked: number;
  districtPortalsChecked: number;
  departmentSitesChecked: number;
  newMediaAccountsChecked: number;
  messagesReceived: number;
  messagesClosed: number;
  /** Distinct 序号 among the website findings. */
  websitesWithIssues: number;
  websiteIssues: number;
  websiteIssuesRectified: number;
  /** Distinct 序号 among the new-media findings. */
  newMediaAccountsWithIssues: number;
  dataGaps: readonly { organizationId: string; kind: DataGapKind; position: number }[];
}

function gapOrgs(gaps: ComplianceCounts['dataGaps'], kind: DataGapKind): string[] {
  return [...gaps]
    .filter((g) => g.kind === kind)
    .sort((a, b) => a.position - b.position)
    .map((g) => g.organizationId);
}

/** The figures of a quarter's inspection notice from its counts (contract: complianceSummary). */
export function complianceSummaryOf(c: ComplianceCounts): ComplianceSummary {
  return {
    quarter: c.quarter,
    // 泸市府室发〔2024〕34号 一(一): city portal + district/county portals + department sites.
    websitesChecked: c.cityPortalsChecked + c.districtPortalsChecked + c.departmentSitesChecked,
    websitesWithIssues: c.websitesWithIssues,
    websiteIssues: c.websiteIssues,
    websiteIssuesRectified: c.websiteIssuesRectified,
    newMediaAccountsChecked: c.newMediaAccountsChecked,
    newMediaAccountsWithIssues: c.newMediaAccountsWithIssues,
    messagesReceived: c.messagesReceived,
    messagesClosed: c.messagesClosed,
    baseDataMissing: gapOrgs(c.dataGaps, 'BASE'),
    processDataMissing: gapOrgs(c.dataGaps, 'PROCESS'),
  };
}

/** The counts of a round held in memory (tests, and callers that have the whole round). */
export function complianceCounts(round: InspectionRound): ComplianceCounts {
  return {
    ...round,
    websitesWithIssues: new Set(round.websiteFindings.map((f) => f.siteSeq)).size,
    websiteIssues: round.websiteFindings.length,
    websiteIssuesRectified: round.websiteFindings.filter((f) => f.rectified).length,
    newMediaAccountsWithIssues: new Set(round.newMediaFindings.map((f) => f.seq)).size,
  };
}

/** The figures of a quarter's inspection notice (contract: complianceSummary). */
export function complianceSummary(round: InspectionRound): ComplianceSummary {
  return complianceSummaryOf(complianceCounts(round));
}
