import {
  fromUtcMidnight,
  renderApplicationForm,
  renderApprovalForms,
  type ApprovalFormCase,
  type CaseEventType,
  type CaseTrigger,
  type RenderedApplicationForm,
  type RenderedApprovalForm,
  type ReviewCondition,
  type ReviewMode,
  type TerminationReason,
} from '@gazette/domain';
import type { CaseEvent, DiscretionCase } from '@gazette/db';

const optDate = (d: Date | null) => (d ? fromUtcMidnight(d) : null);

function noteOf(payload: unknown): string | null {
  const note = (payload as { note?: unknown } | null)?.note;
  return typeof note === 'string' ? note : null;
}

/** A stored case and its steps as the domain's forms read them. */
export function formCase(
  c: DiscretionCase,
  events: Pick<CaseEvent, 'type' | 'on' | 'payload' | 'seq'>[],
): ApprovalFormCase {
  return {
    caseName: c.caseName,
    subjectName: c.subjectName,
    caseNumber: c.caseNumber,
    handler: c.handler,
    trigger: c.trigger as CaseTrigger,
    filedOn: fromUtcMidnight(c.filedOn),
    caseFiledOn: optDate(c.caseFiledOn),
    reviewMode: c.reviewMode as ReviewMode | null,
    reviewDays: c.reviewDays,
    acceptedOn: optDate(c.acceptedOn),
    reviewDeadline: optDate(c.reviewDeadline),
    conditionsMet: c.conditionsMet as ReviewCondition[],
    rejectionReason: c.rejectionReason,
    terminationReason: c.terminationReason as TerminationReason | null,
    passed: c.passed,
    steps: [...events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({
        type: e.type as CaseEventType,
        on: fromUtcMidnight(e.on),
        note: noteOf(e.payload),
      })),
  };
}

/** The 审批表 (附件2、3、6、8) the case has reached, prefilled from its record. */
export function approvalFormsOf(
  c: DiscretionCase,
  events: Parameters<typeof formCase>[1],
): RenderedApprovalForm[] {
  return renderApprovalForms(formCase(c, events));
}

/** 附件1 申请书 for the applicant, or null when the case did not start by application. */
export function applicationFormOf(c: DiscretionCase): RenderedApplicationForm | null {
  return renderApplicationForm({ subjectName: c.subjectName, trigger: c.trigger as CaseTrigger });
}
