// What a policy write stores besides what the administrator typed: the issuers' ids (names and
// aliases resolved by the database) and the validity dates the text's own clause gives.
import { badInput, parseValidityClause, toUtcMidnight, type PlainDate } from '@gazette/domain';
import { definedOnly, type Tx } from '../../schema/write-helpers.ts';
import { findOrganizationByName } from '../organizations/find-organization-by-name.ts';

export const day = (d: PlainDate | null | undefined) => (d == null ? d : toUtcMidnight(d));

/** The issuer rows of a policy, in printed order; an unknown body is refused naming its position. */
export async function issuerRows(tx: Tx, names: readonly string[]) {
  const rows = [];
  for (const [position, name] of names.entries()) {
    const org = await findOrganizationByName(tx, name, { select: { id: true } });
    if (!org) throw badInput(`input.issuers[${position}]`, `未登记的发文机关:${name}`);
    rows.push({ organizationId: org.id, position });
  }
  return rows;
}

export interface ValidityInput {
  validityClause?: string | null;
  signedOn?: PlainDate | null;
  effectiveFrom?: PlainDate | null;
  expiresOn?: PlainDate | null;
  isTrial?: boolean | null;
}

/** The text's own clause decides unless an administrator sets the dates explicitly. */
export function validityFields(input: ValidityInput) {
  const parsed =
    input.validityClause && input.signedOn
      ? parseValidityClause(input.validityClause, input.signedOn)
      : null;
  return definedOnly({
    effectiveFrom: day(input.effectiveFrom ?? parsed?.effectiveFrom ?? undefined),
    expiresOn:
      input.expiresOn !== undefined
        ? day(input.expiresOn)
        : parsed
          ? day(parsed.expiresOn)
          : undefined,
    isTrial: input.isTrial ?? parsed?.isTrial ?? undefined,
  });
}

/** A required text field: trimmed, refused when blank; absent stays absent. */
export function nonEmpty(value: string | null | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (!text) throw badInput(field, `${field} 不能为空`);
  return text;
}
