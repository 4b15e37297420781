import { DomainError, badInput } from '../shared/errors.ts';
import { addDays, compareDates, type PlainDate } from '../shared/plain-date.ts';
import { policyLastDay } from '../policies/policy-status.ts';
import type { RatePolicy, RateEntry, RateTable, RateVersion } from './model.ts';

/** Canonical entry key: the values in dimension order joined by `|`, e.g. `311201069|TERTIARY_A`. */
export function entryKey(
  table: Pick<RateTable, 'dimensions'>,
  dimensions: Record<string, string>,
): string {
  return table.dimensions.map((d) => dimensions[d.name] ?? '').join('|');
}

/**
 * The last day a version applies: its own `effectiveTo`, else the last day of the document that
 * set it (the day before a repeal, or its expiry), else open.
 */
export function versionLastDay(version: RateVersion, policy?: RatePolicy | null): PlainDate | null {
  if (version.effectiveTo) return version.effectiveTo;
  const setBy = version.policy ?? policy;
  return setBy ? policyLastDay(setBy) : null;
}

/** The document that set a version: its own, else the table's. */
export function versionPolicy(table: Pick<RateTable, 'policy'>, version: RateVersion): RatePolicy {
  return version.policy ?? table.policy;
}

/**
 * Why nothing of `table` is in force on `asOf`, naming the document and its end date (the
 * `RATE_NOT_IN_FORCE` message): ended by repeal, by expiry of its (trial) period, or not yet begun.
 */
export function notInForceReason(
  table: Pick<RateTable, 'versions' | 'policy'>,
  asOf: PlainDate,
  what: string,
): string {
  const published = table.versions.filter((v) => v.status === 'PUBLISHED');
  const ended = published
    .map((v) => ({ v, last: versionLastDay(v, table.policy) }))
    .filter(
      (x): x is { v: RateVersion; last: PlainDate } =>
        x.last !== null && compareDates(x.last, asOf) < 0,
    )
    .sort((a, b) => compareDates(b.last, a.last))[0];
  if (ended) {
    const p = versionPolicy(table, ended.v);
    const repealed = p.repealedOn && compareDates(addDays(p.repealedOn, -1), ended.last) === 0;
    const expired =
      !repealed && p.expiresOn !== null && compareDates(p.expiresOn, ended.last) === 0;
    const why = repealed
      ? `${p.docNo} 已被${p.repealedBy ? ` ${p.repealedBy} ` : ''}废止,自 ${p.repealedOn} 起不再执行`
      : expired
        ? `${p.docNo} ${p.isTrial ? '试行期' : '有效期'}已于 ${p.expiresOn} 届满`
        : `${p.docNo} 的${what}执行至 ${ended.last}`;
    return `${asOf} 没有有效的${what}:${why},最后执行日为 ${ended.last}`;
  }
  const first = published.sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom))[0];
  if (first && compareDates(asOf, first.effectiveFrom) < 0) {
    return `${asOf} 没有有效的${what}:${versionPolicy(table, first).docNo} 自 ${first.effectiveFrom} 起施行`;
  }
  return `${asOf} 没有有效的${what}(${table.policy.docNo})`;
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
export function requireVersionInForce(
  table: RateTable,
  asOf: PlainDate,
  what: string = table.name,
): RateVersion {
  const v = versionInForce(table, asOf);
  if (!v) {
    throw new DomainError('RATE_NOT_IN_FORCE', notInForceReason(table, asOf, what), {
      field: 'asOf',
      details: { table: table.key, asOf },
    });
  }
  return v;
}

/** Finds an entry by its canonical key. */
export function findEntry(
  version: Pick<RateVersion, 'entries'>,
  key: string,
): RateEntry | undefined {
  return version.entries.find((e) => e.key === key);
}

/** A version range must not end before it starts. */
export function validateVersionRange(
  effectiveFrom: PlainDate,
  effectiveTo: PlainDate | null,
): void {
  if (effectiveTo !== null && compareDates(effectiveTo, effectiveFrom) < 0) {
    throw badInput(
      'effectiveTo',
      `effectiveTo(失效日期)${effectiveTo} 早于 effectiveFrom(生效日期)${effectiveFrom}`,
    );
  }
}

/**
 * Adds `next` (published from day D) and closes the version in force before it on D-1.
 * History is never overwritten: D may not lie before `today`, nor on or before the start of
 * a published version, which would rewrite or hide it. Returns a new table; the input is untouched.
 */
export function supersede(
  table: RateTable,
  next: RateVersion,
  options: { today?: PlainDate } = {},
): RateTable {
  const from = next.effectiveFrom;
  validateVersionRange(from, next.effectiveTo);
  if (options.today && compareDates(from, options.today) < 0) {
    throw badInput(
      'effectiveFrom',
      `新版本的生效日期 ${from} 早于今天 ${options.today},不能改写历史`,
    );
  }
  const policyEnd = table.policy.expiresOn;
  if (next.effectiveTo === null && policyEnd !== null && compareDates(from, policyEnd) > 0) {
    // An open-ended version lasts while the policy does, so after its expiry it would never apply.
    throw badInput(
      'effectiveTo',
      `${table.policy.docNo} 已于 ${policyEnd} 失效,新版本须明确填写失效日期`,
    );
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
    throw badInput(
      'effectiveFrom',
      `effectiveFrom(生效日期)${patch.effectiveFrom} 不能早于今天 ${today}`,
    );
  }
  if (patch.effectiveTo !== undefined) {
    validateVersionRange(patch.effectiveFrom ?? version.effectiveFrom, patch.effectiveTo);
  }
}
