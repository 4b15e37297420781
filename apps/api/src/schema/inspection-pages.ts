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
  ids: t.idList({ description: '只看这些全局 ID', required: false }),
  roundId: t.id({ description: '只看这个检查轮次(全局 ID)', required: false }),
  quarter: t.string({ description: '只看这个季度,如 2024Q4', required: false }),
  organizationId: t.id({ description: '只看这个单位(全局 ID)', required: false }),
  rectified: t.boolean({ description: '只看已整改(true)或未整改(false)的', required: false }),
  q: t.string({ description: '名称、账号、平台或问题描述中的一段', required: false }),
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
    ids: t.idList({ description: '只看这些全局 ID', required: false }),
    q: t.string({ required: false, description: '季度中的一段,如 2024' }),
  }),
});
