// One body's findings in a quarter (Organization.compliance): only that body's rows are read.
// The bodies asked for in one request are batched per quarter, so a list of bodies costs the
// same five statements as one body.
import DataLoader from 'dataloader';
import {
  fromUtcMidnight,
  organizationCompliance,
  type InspectionRound as DomainRound,
  type OrganizationCompliance,
} from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';

/** The domain's view of the given bodies' part of the round, the findings being database rows. */
async function partOfRound(
  ctx: GazetteContext,
  quarter: string,
  orgIds: string[],
): Promise<DomainRound | null> {
  const round = await ctx.prisma.inspectionRound.findUnique({ where: { quarter } });
  if (!round) return null;
  const where = { roundId: round.id, organizationId: { in: orgIds } };
  const [website, newMedia, dataGaps, adoptions] = await Promise.all([
    ctx.prisma.websiteFinding.findMany({
      where,
      orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }],
    }),
    ctx.prisma.newMediaFinding.findMany({ where, orderBy: { seq: 'asc' } }),
    ctx.prisma.dataCollectionGap.findMany({ where }),
    ctx.prisma.informationAdoption.findMany({ where, orderBy: { position: 'asc' } }),
  ]);
  const finding = <T extends { rectifiedOn: Date | null }>(f: T) => ({
    ...f,
    rectifiedOn: f.rectifiedOn ? fromUtcMidnight(f.rectifiedOn) : null,
  });
  return {
    ...round,
    policyDocNo: null,
    windowStart: fromUtcMidnight(round.windowStart),
    windowEnd: fromUtcMidnight(round.windowEnd),
    websiteFindings: website.map(finding),
    newMediaFindings: newMedia.map(finding),
    dataGaps,
    adoptions,
  };
}

/** `quarter` already normalised; null when the quarter has no round. */
export function findOrganizationCompliance(
  ctx: GazetteContext,
  quarter: string,
  organizationId: string,
): Promise<OrganizationCompliance | null> {
  const key = `inspections:organizationCompliance:${quarter}`;
  let loader = ctx.cache.get(key) as DataLoader<string, OrganizationCompliance | null> | undefined;
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const part = await partOfRound(ctx, quarter, [...ids]);
      return ids.map((id) => (part ? organizationCompliance(part, id) : null));
    });
    ctx.cache.set(key, loader);
  }
  return loader.load(organizationId);
}
