// The review tasks page's operations: supervisors and administrators read, administrators act
// (typed documents over apps/api/schema.graphql).
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';

/** The soonest due first; the API's query cost limit allows about this many rows with these fields. */
export const REVIEW_PAGE = 50;

const Tasks = graphql(`
  query ReviewTasks($filter: ReviewTaskFilter, $asOf: Date, $first: Int) {
    reviewTasks(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          dueOn
          overdue(asOf: $asOf)
          assigneeId
          assigneeLabel
          outcome
          replacedByDocNo
          note
          resolvedAt
          version
          policy {
            id
            docNo
            title
            expiresOn
            isTrial
          }
        }
      }
    }
  }
`);
const Assignees = graphql(`
  query Assignees {
    usersPage(perPage: 100, filter: { active: true }) {
      nodes {
        id
        email
        name
        role
        active
      }
    }
  }
`);
const Assign = graphql(`
  mutation AssignReviewTask($id: ID!, $version: Int!, $assigneeId: ID!) {
    assignReviewTask(id: $id, version: $version, assigneeId: $assigneeId) {
      id
      version
    }
  }
`);
const Resolve = graphql(`
  mutation ResolveReviewTask(
    $id: ID!
    $version: Int!
    $outcome: ReviewOutcome!
    $replacedBy: String
    $note: String
  ) {
    resolveReviewTask(
      id: $id
      version: $version
      outcome: $outcome
      replacedBy: $replacedBy
      note: $note
    ) {
      id
      version
    }
  }
`);

export type ReviewTask = ResultOf<typeof Tasks>['reviewTasks']['edges'][number]['node'];
export type ReviewOutcome = VariablesOf<typeof Resolve>['outcome'];
export const REVIEW_OUTCOMES = [
  'EXTENDED',
  'REPLACED',
  'LAPSES',
] as const satisfies readonly ReviewOutcome[];
export type ReviewTaskFilter = NonNullable<VariablesOf<typeof Tasks>['filter']> & { asOf: string };
export type Assignee = ResultOf<typeof Assignees>['usersPage']['nodes'][number];

export const reviewTaskMethods = {
  async reviewTasks(filter: ReviewTaskFilter): Promise<{ total: number; rows: ReviewTask[] }> {
    const data = await request(Tasks, { filter, asOf: filter.asOf, first: REVIEW_PAGE });
    return { total: data.reviewTasks.totalCount, rows: data.reviewTasks.edges.map((e) => e.node) };
  },
  /** Active supervisors and administrators: those a task may be assigned to. */
  async reviewAssignees(): Promise<Assignee[]> {
    return (await request(Assignees)).usersPage.nodes.filter((u) => u.role !== 'VIEWER');
  },
  async assignReviewTask(id: string, version: number, assigneeId: string): Promise<void> {
    await request(Assign, { id, version, assigneeId });
  },
  async resolveReviewTask(
    id: string,
    version: number,
    outcome: ReviewOutcome,
    replacedBy: string | null,
    note: string | null,
  ): Promise<void> {
    await request(Resolve, { id, version, outcome, replacedBy, note });
  },
};
