import type { InspectionRound, OrganizationCompliance } from './types.ts';

/** One body's findings in a round (contract: organization(name).compliance(quarter)). */
export function organizationCompliance(
  round: InspectionRound,
  organizationId: string,
): OrganizationCompliance {
  const mine = <T extends { organizationId: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.organizationId === organizationId);
  return {
    quarter: round.quarter,
    organizationId,
    websiteIssues: mine(round.websiteFindings).sort(
      (a, b) => a.siteSeq - b.siteSeq || a.position - b.position,
    ),
    newMediaIssues: mine(round.newMediaFindings).sort((a, b) => a.seq - b.seq),
    baseDataMissing: mine(round.dataGaps).some((g) => g.kind === 'BASE'),
    processDataMissing: mine(round.dataGaps).some((g) => g.kind === 'PROCESS'),
    adoption: mine(round.adoptions)[0]?.rating ?? null,
  };
}
