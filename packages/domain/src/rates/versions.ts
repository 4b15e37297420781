import { DomainError, badInput } from '../shared/errors.ts';
import { addDays, compareDates, type PlainDate } from '../shared/plain-date.ts';
import type { RatePolicy, RateEntry, RateTable, RateVersion } from './model.ts';

/** Canonical entry key: the values in dimension order joined by `|`, e.g. `311201069|TERTIARY_A`. */
export function entryKey(table: Pick<RateTable, 'dimensions'>, dimensions: Record<string, string>): string {
  return table.dimensions.map((d) => dimensions[d.name] ?? '').join('|');
}

/** The last day a version applies: its own `effectiveTo`, else the policy's last day, else open. */
export function versionLastDay(version: RateVersion, policy?: RatePolicy | null): PlainDate | null {
  return version.effectiveTo ?? policy?.expiresOn ?? null;
}

/**
 * The published version in force on `asOf`, or null. A version with `effectiveTo = null` lasts
 * while its policy does (contract README, "Rate tables"); drafts never apply.
 */
export function versionInForce(
  table: Pick<RateTable, 'versions'> & { policy?: RatePolicy },
  asOf: PlainDate,
  policyValidity: RatePolicy | null | undefined = table.policy,
): RateVersion | null {
  let found: RateVersion | null = null;
  for (const v of table.versions) {
    if (v.status !== 'PUBLISHED') continue;
    if (compareDates(v.effectiveFrom, asOf) > 0) continue;
    const last = versionLastDay(v, policyValidity);
    if (last !== null && compareDates(asOf, last) > 0) continue;
    // Ranges do not overlap after supersede(); if data overlaps anyway, the latest start wins.
    if (!found || compareDates(v.effectiveFrom, found.effectiveFrom) > 0) found = v;
  }
  return found;
}

/** Like versionInForce, but a missing version is the error RATE_NOT_IN_FORCE. */
export function requireVersionInForce(table: RateTable, asOf: PlainDate, what: string = table.name): RateVersion {
  const v = versionInForce(table, asOf);
  if (!v) {
    throw new DomainError('RATE_NOT_IN_FORCE', `${asOf} 没有有效的${what}(${table.policy.docNo})`, {
      field: 'asOf',
      details: { table: table.key, asOf },
    });
  }
  return v;
}

/** Finds an entry by its canonical key. */
export function findEntry(version: Pick<RateVersion, 'entries'>, key: string): RateEntry | undefined {
  return version.entries.find((e) => e.key === key);
}

/** A version range must not end before it starts. */
export function validateVersionRange(effectiveFrom: PlainDate, effectiveTo: PlainDate | null): void {
  if (effectiveTo !== null && compareDates(effectiveTo, effectiveFrom) < 0) {
    throw badInput('effectiveTo', `effectiveTo(失效日期)${effectiveTo} 早于 effectiveFrom(生效日期)${effectiveFrom}`);
  }
}

/**
 * Adds `next` (published from day D) and closes the version in force before it on D-1.
 * History is never overwritten: D may not lie before `today`, nor on or before the start of
 * a published version, which would rewrite or hide it. Returns a new table; the input is untouched.
 */
export function supersede(table: RateTable, next: RateVersion, options: { today?: PlainDate } = {}): RateTable {
  const from = next.effectiveFrom;
  validateVersionRange(from, next.effectiveTo);
  if (options.today && compareDates(from, options.today) < 0) {
    throw badInput('effectiveFrom', `新版本的生效日期 ${from} 早于今天 ${options.today},不能改写历史`);
  }
  const policyEnd = table.policy.expiresOn;
  if (next.effectiveTo === null && policyEnd !== null && compareDates(from, policyEnd) > 0) {
    // An open-ended version lasts while the policy does, so after its expiry it would never apply.
    throw badInput('effectiveTo', `${table.policy.docNo} 已于 ${policyEnd} 失效,新版本须明确填写失效日期`);
  }
  const published = table.versions.filter((v) => v.status === 'PUBLISHED');
  const clash = published.find((v) => compareDates(v.effectiveFrom, from) >= 0);
  if (clash) {
    throw new DomainError('CONFLICT', `已有自 ${clash.effectiveFrom} 起的版本,新版本须晚于它生效`, {
      field: 'effectiveFrom',
      details: { versionId: clash.id },
    });
  }
  const dayBefore = addDays(from, -1);
  const versions = table.versions.map((v) => {
    if (v.status !== 'PUBLISHED') return v;
    // A version that already ends before D (by itself or with its policy) keeps its range.
    const last = versionLastDay(v, table.policy);
    if (last !== null && compareDates(last, dayBefore) <= 0) return v;
    return { ...v, effectiveTo: dayBefore };
  });
  return { ...table, versions: [...versions, { ...next, status: 'PUBLISHED' }] };
}

/**
 * Guards an in-place edit. A published version that has started is history: change it by
 * superseding it (CONFLICT). An edit may not move a start date into the past (BAD_USER_INPUT).
 */
export function assertEditable(
  version: Pick<RateVersion, 'status' | 'effectiveFrom'>,
  today: PlainDate,
  patch: { effectiveFrom?: PlainDate; effectiveTo?: PlainDate | null } = {},
): void {
  if (version.status === 'PUBLISHED' && compareDates(version.effectiveFrom, today) <= 0) {
    throw new DomainError(
      'CONFLICT',
      `该版本已于 ${version.effectiveFrom} 生效,不能直接修改;请新建版本替代它`,
      { field: 'version' },
    );
  }
  if (patch.effectiveFrom !== undefined && compareDates(patch.effectiveFrom, today) < 0) {
    throw badInput('effectiveFrom', `effectiveFrom(生效日期)${patch.effectiveFrom} 不能早于今天 ${today}`);
  }
  if (patch.effectiveTo !== undefined) {
    validateVersionRange(patch.effectiveFrom ?? version.effectiveFrom, patch.effectiveTo);
  }
}
