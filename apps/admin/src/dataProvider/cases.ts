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
};
