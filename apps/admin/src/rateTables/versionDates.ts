import { compareDates } from '@gazette/domain';

export interface DatesPolicy {
  docNo: string;
  expiresOn?: string | null;
}

export type DateErrors = {
  effectiveFrom?: [string, Record<string, string>?];
  effectiveTo?: [string, Record<string, string>?];
};

/**
 * The rules publishing enforces (domain supersede), checked before anything is sent: a start not
 * before today; an end when the table's document has expired before the start (an open-ended
 * version would never apply); an end not before the start.
 */
export function versionDateErrors(
  effectiveFrom: string,
  effectiveTo: string,
  policy: DatesPolicy | undefined,
  today: string,
): DateErrors {
  const errors: DateErrors = {};
  if (!effectiveFrom) errors.effectiveFrom = ['rates.startRequired'];
  else if (compareDates(effectiveFrom, today) < 0)
    errors.effectiveFrom = ['rates.startBeforeToday', { today }];
  const expiresOn = policy?.expiresOn ?? null;
  if (!effectiveTo && expiresOn && (!effectiveFrom || compareDates(effectiveFrom, expiresOn) > 0)) {
    errors.effectiveTo = ['rates.endRequiredExpired', { docNo: policy!.docNo, date: expiresOn }];
  } else if (effectiveTo && effectiveFrom && compareDates(effectiveTo, effectiveFrom) < 0) {
    errors.effectiveTo = ['rates.endBeforeStart'];
  }
  return errors;
}
