import type { InspectionRound, RectificationProgress } from './types.ts';

export interface RectificationCounts {
  quarter: string;
  website: { total: number; rectified: number };
  newMedia: { total: number; rectified: number };
}

/** How many findings are rectified, from the counts (the API aggregates them in SQL). */
export function rectificationProgressOf(c: RectificationCounts): RectificationProgress {
  const website = { total: c.website.total, rectified: c.website.rectified };
  const newMedia = { total: c.newMedia.total, rectified: c.newMedia.rectified };
  const total = website.total + newMedia.total;
  const rectified = website.rectified + newMedia.rectified;
  return {
    quarter: c.quarter,
    total,
    rectified,
    outstanding: total - rectified,
    ratio: total === 0 ? 1 : rectified / total,
    website,
    newMedia,
  };
}

/** How many of a round's findings are rectified (website and new-media together and apart). */
export function rectificationProgress(round: InspectionRound): RectificationProgress {
  // A new-media finding whose rectification is unknown (null) is not counted as rectified.
  const rectified = (rows: readonly { rectified: boolean | null }[]) =>
    rows.filter((f) => f.rectified === true).length;
  return rectificationProgressOf({
    quarter: round.quarter,
    website: { total: round.websiteFindings.length, rectified: rectified(round.websiteFindings) },
    newMedia: {
      total: round.newMediaFindings.length,
      rectified: rectified(round.newMediaFindings),
    },
  });
}
