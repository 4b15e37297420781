// Page-shaped lists of inspection rounds and their findings for the dashboard (react-admin's getList).
import { rawId } from './ids.ts';
import { definePage, type PageSpec } from './pagination.ts';
import { likeText } from './shared.ts';

const contains = (q: string) => ({ contains: likeText(q.trim()), mode: 'insensitive' as const });

interface FindingFilter {
  ids?: string[] | null;
  roundId?: string | null;
  quarter?: string | null;
  organizationId?: string | null;
  rectified?: boolean | null;
  q?: string | null;
}

const findingFilter: PageSpec<FindingFilter>['filter'] = (t) => ({
  ids: t.idList({ required: false }),
  roundId: t.id({ required: false }),
  quarter: t.string({ required: false }),
  organizationId: t.id({ required: false }),
  rectified: t.boolean({ required: false }),
  q: t.string({ required: false }),
});

function findingWhere(f: FindingFilter, text: string[]) {
  return {
    ...(f.roundId ? { roundId: rawId(f.roundId, 'InspectionRound', 'roundId') } : {}),
    ...(f.quarter ? { round: { quarter: f.quarter.trim().toUpperCase() } } : {}),
    ...(f.organizationId
      ? { organizationId: rawId(f.organizationId, 'Organization', 'organizationId') }
      : {}),
    ...(f.rectified == null ? {} : { rectified: f.rectified }),
    ...(f.q ? { OR: text.map((column) => ({ [column]: contains(f.q!) })) } : {}),
  };
}

definePage<FindingFilter>({
  field: 'websiteFindingsPage',
  label: '网站检查结果',
  type: 'WebsiteFinding',
  model: 'websiteFinding',
  sortable: ['siteSeq', 'siteName', 'description', 'rectified', 'updatedAt'],
  defaultSort: 'siteSeq',
  where: (f) => findingWhere(f, ['siteName', 'description']),
  filter: findingFilter,
});

definePage<FindingFilter>({
  field: 'newMediaFindingsPage',
  label: '新媒体检查结果',
  type: 'NewMediaFinding',
  model: 'newMediaFinding',
  sortable: ['seq', 'account', 'platform', 'description', 'rectified', 'updatedAt'],
  defaultSort: 'seq',
  where: (f) => findingWhere(f, ['account', 'platform', 'description']),
  filter: findingFilter,
});

definePage<{ ids?: string[] | null; q?: string | null }>({
  field: 'inspectionRoundsPage',
  label: '检查轮次',
  type: 'InspectionRound',
  model: 'inspectionRound',
  sortable: ['quarter', 'windowStart', 'updatedAt'],
  defaultSort: 'quarter',
  where: (f) => (f.q ? { quarter: contains(f.q) } : {}),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: 'Part of the quarter, e.g. 2024.' }),
  }),
});
