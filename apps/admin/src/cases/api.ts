import { gql } from '../graphql/client.ts';
import { resources } from '../dataProvider/resources.ts';

export interface CaseEvent {
  type: string;
  on: string;
  reviewMode?: string;
  reviewDays?: number;
  conditionsMet?: string[];
  exclusions?: string[];
  reason?: string;
  passed?: boolean;
  decision?: string;
  note?: string;
}

// The contract's TransitionCase operation, asking afterwards for the whole record.
export async function transitionCase(id: string, event: CaseEvent) {
  const data = await gql<{ transitionCase: { case: Record<string, unknown> } }>(
    `mutation TransitionCase($id: ID!, $event: CaseEventInput!) {
      transitionCase(id: $id, event: $event) { case { ${resources.cases!.fields} } }
    }`,
    { id, event },
  );
  return data.transitionCase.case;
}

export interface CorrectStepInput {
  seq: number;
  on?: string;
  note?: string;
  reason: string;
}

/** The audited correction of the latest step (date or note, with a reason). */
export async function correctCaseEvent(id: string, version: number, input: CorrectStepInput) {
  const data = await gql<{ correctCaseEvent: { case: Record<string, unknown> } }>(
    `mutation CorrectCaseEvent($id: ID!, $version: Int!, $input: CorrectCaseEventInput!) {
      correctCaseEvent(id: $id, version: $version, input: $input) { case { ${resources.cases!.fields} } }
    }`,
    { id, version, input },
  );
  return data.correctCaseEvent.case;
}
