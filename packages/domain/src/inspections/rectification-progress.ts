import type { InspectionRound, RectificationProgress } from './types.ts';

/** How many of a round's findings are rectified (website and new-media together and apart). */
export function rectificationProgress(round: InspectionRound): RectificationProgress {
  const website = {
    total: round.websiteFindings.length,
    rectified: round.websiteFindings.filter((f) => f.rectified).length,
  };
  const newMedia = {
    total: round.newMediaFindings.length,
    rectified: round.newMediaFindings.filter((f) => f.rectified).length,
  };
  const total = website.total + newMedia.total;
  const rectified = website.rectified + newMedia.rectified;
  return {
    quarter: round.quarter,
    total,
    rectified,
    outstanding: total - rectified,
    ratio: total === 0 ? 1 : rectified / total,
    website,
    newMedia,
  };
}
