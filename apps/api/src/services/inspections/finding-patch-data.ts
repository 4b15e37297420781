import { DomainError, toUtcMidnight, type PlainDate } from '@gazette/domain';
import { authScopesFor } from '../../auth/roles.ts';
import type { GazetteContext } from '../../context.ts';
import { rawId } from '../../schema/ids.ts';
import { definedOnly } from '../../schema/write-helpers.ts';

export type FindingKind = 'website' | 'newMedia';

export type FindingPatch = {
  rectified?: boolean | null;
  rectifiedOn?: PlainDate | null;
  organizationId?: string | null;
  [key: string]: unknown;
};

/**
 * The columns a finding patch writes. Supervisors may change only the rectification; a website
 * finding's status is never unknown; no rectification date without a known rectification.
 */
export function findingPatchData(
  ctx: GazetteContext,
  patch: FindingPatch,
  kind: FindingKind,
): Record<string, unknown> {
  const { rectified, rectifiedOn, organizationId, ...rest } = patch;
  const others = Object.entries(definedOnly(rest)).filter(([, v]) => v !== null);
  if (!authScopesFor(ctx.viewer).admin && (others.length > 0 || organizationId != null)) {
    throw new DomainError('FORBIDDEN', '监督员只能修改整改状态(rectified、rectifiedOn)');
  }
  const allowed =
    kind === 'website'
      ? ['description', 'siteSeq', 'siteName', 'position']
      : ['description', 'seq', 'account', 'platform'];
  for (const [key] of others) {
    if (!allowed.includes(key))
      throw new DomainError('BAD_USER_INPUT', `${key} 不适用于此类问题`, { field: `input.${key}` });
  }
  if (rectified === null && kind === 'website') {
    throw new DomainError(
      'BAD_USER_INPUT',
      '网站问题的整改状态只能是 true 或 false(附件1 总会列出是否整改完成)',
      { field: 'input.rectified' },
    );
  }
  if (rectified === null && rectifiedOn != null) {
    throw new DomainError('BAD_USER_INPUT', '整改状态未知(rectified: null)时不能有整改日期', {
      field: 'input.rectifiedOn',
    });
  }
  return definedOnly({
    ...Object.fromEntries(others),
    organizationId: organizationId
      ? rawId(organizationId, 'Organization', 'input.organizationId')
      : undefined,
    // New media: an explicit null sets the status back to unknown (附件2 prints none); omitted: unchanged.
    rectified,
    // Not rectified, or unknown: no rectification date.
    rectifiedOn:
      rectified === false || rectified === null
        ? null
        : rectifiedOn == null
          ? rectifiedOn
          : toUtcMidnight(rectifiedOn),
  });
}
