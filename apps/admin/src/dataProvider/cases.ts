// A case changes only through its transitions (泸市监规发〔2024〕2号) and the audited correction of
// its latest step: custom dataProvider methods over typed documents. The screen then refreshes the
// record through getOne, so these ask only for what identifies the new state.
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';

const Transition = graphql(`
  mutation TransitionCase($id: ID!, $event: CaseEventInput!) {
    transitionCase(id: $id, event: $event) {
      case {
        id
        version
        state
        allowedEvents
      }
    }
  }
`);
const Correct = graphql(`
  mutation CorrectCaseEvent($id: ID!, $version: Int!, $input: CorrectCaseEventInput!) {
    correctCaseEvent(id: $id, version: $version, input: $input) {
      case {
        id
        version
        state
        allowedEvents
      }
    }
  }
`);

// What the print pages show, as the API renders it (the dashboard never rebuilds a form's text).
const Notices = graphql(`
  query CaseNoticePrints($id: ID!) {
    case(id: $id) {
      id
      notices {
        kind
        number
        print {
          title
          number
          addressee
          paragraphs
          issuer
          date
          footnote
          caseFiledOn
          department
          contactName
          contactPhone
        }
      }
    }
  }
`);
const Forms = graphql(`
  query CaseForms($id: ID!) {
    case(id: $id) {
      id
      approvalForms {
        kind
        annex
        label
        issuer
        title
        rows {
          label
          text
          signer
          signerName
          dateLine
        }
      }
      applicationForm {
        annex
        title
        addressee
        paragraphs {
          text
          blankLines
        }
        applicantLabel
        applicant
        dateLine
      }
    }
  }
`);

type CaseNotices = NonNullable<ResultOf<typeof Notices>['case']>['notices'];
export type PrintedNotice = CaseNotices[number]['print'];
export type CaseForms = Omit<NonNullable<ResultOf<typeof Forms>['case']>, 'id'>;
export type ApprovalForm = CaseForms['approvalForms'][number];
export type ApprovalFormKind = ApprovalForm['kind'];
export type ApplicationForm = NonNullable<CaseForms['applicationForm']>;

export type CaseEvent = VariablesOf<typeof Transition>['event'];
export type CaseEventType = CaseEvent['type'];
export type CorrectStepInput = VariablesOf<typeof Correct>['input'];
export type CaseState = ResultOf<typeof Transition>['transitionCase']['case'];

export const caseMethods = {
  async transitionCase(id: string, event: CaseEvent): Promise<CaseState> {
    return (await request(Transition, { id, event })).transitionCase.case;
  },
  /** The audited correction of the latest step (date or note, with a reason). */
  async correctCaseEvent(id: string, version: number, input: CorrectStepInput): Promise<CaseState> {
    return (await request(Correct, { id, version, input })).correctCaseEvent.case;
  },
  /** The notices of a case as the API prints them (泸市监规发〔2024〕2号 附件4、5、7、9). */
  async caseNoticePrints(id: string): Promise<CaseNotices> {
    const found = (await request(Notices, { id })).case;
    if (!found) throw new Error('ra.notification.item_doesnt_exist');
    return found.notices;
  },
  /** The 审批表 the case has reached and its 申请书 template (附件1、2、3、6、8), as rendered. */
  async caseForms(id: string): Promise<CaseForms> {
    const found = (await request(Forms, { id })).case;
    if (!found) throw new Error('ra.notification.item_doesnt_exist');
    return found;
  },
};
