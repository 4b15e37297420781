import {
  formatNoticeNumber,
  fromUtcMidnight,
  renderNotice,
  type NoticeKind,
  type RenderedNotice,
  type CaseTrigger,
  type ReviewMode,
  type TerminationReason,
} from '@gazette/domain';
import type { DiscretionCase, Notice, Prisma } from '@gazette/db';

/**
 * The next serial of a notice kind in a year. The counter row is created or incremented by one
 * statement that takes its row lock until the transaction ends, so concurrent issuers queue
 * behind each other and a rolled-back transaction gives its number back: gapless and unique.
 */
export async function nextNoticeSerial(
  tx: Prisma.TransactionClient,
  kind: NoticeKind,
  year: number,
): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "NoticeCounter" (kind, year, last) VALUES (${kind}::"NoticeKind", ${year}, 1)
    ON CONFLICT (kind, year) DO UPDATE SET last = "NoticeCounter".last + 1
    RETURNING last`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error('notice counter returned no row');
  return Number(last);
}

/** Issues one notice of `kind` for a case, numbered per kind and year (泸市监规发〔2024〕2号 附件4、5、7、9). */
export async function issueNotice(
  tx: Prisma.TransactionClient,
  caseId: string,
  kind: NoticeKind,
  issuedOn: Date,
  position: number,
): Promise<Notice> {
  const year = issuedOn.getUTCFullYear();
  const serial = await nextNoticeSerial(tx, kind, year);
  return tx.notice.create({
    data: {
      caseId,
      kind,
      year,
      serial,
      number: formatNoticeNumber(kind, year, serial),
      issuedOn,
      position,
    },
  });
}

const optDate = (d: Date | null) => (d ? fromUtcMidnight(d) : null);

/** A notice as printed, with the case's 立案日期, 业务科室, 联系人 and 电话 beneath the body. */
export interface PrintedNotice extends RenderedNotice {
  caseFiledOn: string | null;
  department: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** 2025-01-02 → 2025年1月2日, as notices print dates. */
function printedDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The printable notice in the layout of its annex form. */
export function noticePrint(notice: Notice, c: DiscretionCase): PrintedNotice {
  const rendered = renderNotice(notice.kind, {
    number: notice.number,
    issuedOn: fromUtcMidnight(notice.issuedOn),
    subjectName: c.subjectName,
    caseName: c.caseName,
    trigger: c.trigger as CaseTrigger,
    filedOn: fromUtcMidnight(c.filedOn),
    reviewMode: c.reviewMode as ReviewMode | null,
    reviewDays: c.reviewDays,
    acceptedOn: optDate(c.acceptedOn),
    reviewDeadline: optDate(c.reviewDeadline),
    terminationReason: c.terminationReason as TerminationReason | null,
    passed: c.passed,
  });
  return {
    ...rendered,
    caseFiledOn: c.caseFiledOn ? printedDate(c.caseFiledOn) : null,
    department: c.department,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
  };
}
