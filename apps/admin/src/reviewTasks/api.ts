// The review tasks page's requests: supervisors and administrators read, administrators act.
import { gql } from '../graphql/client.ts';

export const REVIEW_OUTCOMES = ['EXTENDED', 'REPLACED', 'LAPSES'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReviewTask {
  id: string;
  dueOn: string;
  overdue: boolean;
  assigneeId: string | null;
  assigneeLabel: string | null;
  outcome: ReviewOutcome | null;
  replacedByDocNo: string | null;
  note: string | null;
  resolvedAt: string | null;
  version: number;
  policy: { id: string; docNo: string; title: string; expiresOn: string | null; isTrial: boolean };
}

/** The soonest due first; the API's query cost limit allows about this many rows with these fields. */
export const REVIEW_PAGE = 50;

export interface ReviewTaskFilter {
  open?: boolean;
  overdue?: boolean;
  asOf: string;
}

const FIELDS = `id dueOn overdue(asOf: $asOf) assigneeId assigneeLabel outcome replacedByDocNo note resolvedAt version
  policy { id docNo title expiresOn isTrial }`;

export async function listReviewTasks(filter: ReviewTaskFilter): Promise<{ total: number; rows: ReviewTask[] }> {
  const data = await gql<{ reviewTasks: { totalCount: number; edges: { node: ReviewTask }[] } }>(
    `query ReviewTasks($filter: ReviewTaskFilter, $asOf: Date, $first: Int) { reviewTasks(first: $first, filter: $filter) { totalCount edges { node { ${FIELDS} } } } }`,
    { filter, asOf: filter.asOf, first: REVIEW_PAGE },
  );
  return { total: data.reviewTasks.totalCount, rows: data.reviewTasks.edges.map((e) => e.node) };
}

export interface Assignee {
  id: string;
  email: string;
  name: string | null;
  role: string;
}

/** Active supervisors and administrators: those a task may be assigned to. */
export async function listAssignees(): Promise<Assignee[]> {
  const data = await gql<{ usersPage: { nodes: (Assignee & { active: boolean })[] } }>(
    `query Assignees { usersPage(perPage: 100, filter: { active: true }) { nodes { id email name role active } } }`,
  );
  return data.usersPage.nodes.filter((u) => u.role !== 'VIEWER');
}

export async function assignReviewTask(id: string, version: number, assigneeId: string): Promise<void> {
  await gql(`mutation AssignReviewTask($id: ID!, $version: Int!, $assigneeId: ID!) { assignReviewTask(id: $id, version: $version, assigneeId: $assigneeId) { id version } }`, { id, version, assigneeId });
}

export async function resolveReviewTask(id: string, version: number, outcome: ReviewOutcome, replacedBy: string | null, note: string | null): Promise<void> {
  await gql(
    `mutation ResolveReviewTask($id: ID!, $version: Int!, $outcome: ReviewOutcome!, $replacedBy: String, $note: String) {
      resolveReviewTask(id: $id, version: $version, outcome: $outcome, replacedBy: $replacedBy, note: $note) { id version }
    }`,
    { id, version, outcome, replacedBy, note },
  );
}
