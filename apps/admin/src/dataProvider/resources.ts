// GraphQL operations per resource (no introspection: it is off in production); records are typed fragments.
import { print, type DocumentNode } from '@0no-co/graphql.web';
import type { DimensionDef } from '@gazette/domain';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { RateEntryFields, RateTableVersionFields } from './rateFragments.ts';
import {
  pickInput,
  type InputField,
  type InputName,
  type MutationName,
  type ObjectName,
  type QueryName,
} from '../shared/schemaNames.ts';
// Every edited resource follows the API's agreed shape:
//   <plural>Page(page, perPage, sort, filter) { nodes total }, node(id),
//   create<X>(input), update<X>(id, version, input), delete<X>(id, version).

export interface ResourceOps {
  /** GraphQL object type, used in `... on X` for node(id). */
  type: string;
  /** Selection set of one record: the spread of the resource's fragment. */
  fields: string;
  /** The fragment's definition, sent with every operation that spreads it. */
  fragment: string;
  /** Root list field, e.g. policiesPage. */
  page: string;
  filterType: string;
  /** Mutation names and input types; absent = read-only resource. */
  create?: { field: string; input: string; payload?: string };
  update?: { field: string; input: string };
  remove?: { field: string };
  /** Renames or reshapes filter values for the API's filter input. */
  mapFilter?: (filter: Record<string, unknown>) => Record<string, unknown>;
  /** Keeps only the fields the input type accepts. */
  toInput?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** When update takes fewer fields than create. */
  toUpdateInput?: (data: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Each resource's record is a fragment checked against apps/api/schema.graphql (gql.tada): a field
 * the API does not have fails typecheck. The operations around it are built per resource below.
 */
const PoliciesFields = graphql(`
  fragment PoliciesFields on Policy {
    id
    docNo
    title
    category
    signedOn
    effectiveFrom
    expiresOn
    isTrial
    validityClause
    issueLabel
    page
    summary
    version
    status
    issuers {
      id
      name
    }
    rateTables {
      id
      name
      kind
    }
  }
`);
const OrganizationsFields = graphql(`
  fragment OrganizationsFields on Organization {
    id
    name
    shortName
    type
    version
    aliases {
      id
      alias
    }
  }
`);
const OrganizationAliasesFields = graphql(`
  fragment OrganizationAliasesFields on OrganizationAlias {
    id
    alias
    version
    organization {
      id
      name
    }
  }
`);
const RateTablesFields = graphql(`
  fragment RateTablesFields on RateTable {
    id
    key
    kind
    name
    policy {
      id
      docNo
      title
      expiresOn
    }
    dimensions
    version
  }
`);
const InspectionRoundsFields = graphql(`
  fragment InspectionRoundsFields on InspectionRound {
    id
    quarter
    windowStart
    windowEnd
    cityPortalsChecked
    districtPortalsChecked
    departmentSitesChecked
    newMediaAccountsChecked
    messagesReceived
    messagesClosed
    messagesOverdue
    version
  }
`);
const WebsiteFindingsFields = graphql(`
  fragment WebsiteFindingsFields on WebsiteFinding {
    id
    round {
      quarter
    }
    organization {
      id
      name
    }
    siteSeq
    siteName
    description
    rectified
    rectifiedOn
    version
  }
`);
const NewMediaFindingsFields = graphql(`
  fragment NewMediaFindingsFields on NewMediaFinding {
    id
    round {
      quarter
    }
    organization {
      id
      name
    }
    seq
    account
    platform
    description
    rectified
    rectifiedOn
    version
  }
`);
const CasesFields = graphql(`
  fragment CasesFields on DiscretionCase {
    id
    caseName
    subjectName
    caseNumber
    handler
    department
    contactName
    contactPhone
    caseFiledOn
    trigger
    filedOn
    state
    reviewMode
    reviewDays
    acceptedOn
    reviewDeadline
    conditionsMet
    exclusions
    rejectionReason
    terminationReason
    passed
    decision
    keySupervision
    version
    allowedEvents
    overdue
    notices {
      kind
      number
      issuedOn
    }
    events {
      seq
      type
      on
      fromState
      toState
      payload
      at
    }
  }
`);
const UsersFields = graphql(`
  fragment UsersFields on User {
    id
    email
    name
    role
    active
    version
    createdAt
  }
`);
const ApiTokensFields = graphql(`
  fragment ApiTokensFields on ApiToken {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    revoked
    revokedAt
  }
`);
const AuditEntriesFields = graphql(`
  fragment AuditEntriesFields on AuditEntry {
    id
    at
    actorLabel
    action
    entity
    entityId
    before
    after
  }
`);

/** A rate table as react-admin holds it; its dimensions (JSON) are the domain's definitions. */
export type RateTableRecord = Omit<ResultOf<typeof RateTablesFields>, 'dimensions'> & {
  dimensions: DimensionDef[];
};

type CaseResult = ResultOf<typeof CasesFields>;
/** A case as react-admin holds it; an event's payload (JSON) carries the step's note. */
export type CaseRecord = Omit<CaseResult, 'events'> & {
  events: (Omit<CaseResult['events'][number], 'payload'> & {
    payload?: { note?: string } | null;
  })[];
};

/** `fields` (the spread) and `fragment` (the definition) of a resource's record fragment. */
function fragment(document: DocumentNode): { fields: string; fragment: string } {
  const definition = document.definitions[0];
  if (!definition || definition.kind !== 'FragmentDefinition') throw new Error('not a fragment');
  return { fields: `...${definition.name.value}`, fragment: print(document) };
}

/**
 * A resource's writes with the API's names: each mutation, its input type and the fields of a
 * react-admin record it sends are checked against the schema (shared/schemaNames.ts), so a field
 * an input does not have fails typecheck instead of reaching the API.
 */
function writes<C extends InputName = never, U extends InputName = never>(w: {
  create?: { field: MutationName; input: C; fields: readonly InputField<C>[]; payload?: string };
  update?: { field: MutationName; input: U; fields: readonly InputField<U>[] };
  remove?: MutationName;
}): Pick<ResourceOps, 'create' | 'update' | 'remove' | 'toInput' | 'toUpdateInput'> {
  const { create, update, remove } = w;
  return {
    ...(create
      ? {
          create: { field: create.field, input: create.input, payload: create.payload },
          toInput: pickInput(create.input, create.fields),
        }
      : {}),
    ...(update
      ? {
          update: { field: update.field, input: update.input },
          toUpdateInput: pickInput(update.input, update.fields),
        }
      : {}),
    ...(remove ? { remove: { field: remove } } : {}),
  };
}

/** What the dataProvider reads of a resource, named as the schema names it. */
type Checked = ResourceOps & { type: ObjectName; page: QueryName; filterType: InputName };

export const resources: Record<string, ResourceOps> = {
  policies: {
    type: 'Policy',
    ...fragment(PoliciesFields),
    page: 'policiesPage',
    filterType: 'PolicyPageFilter',
    ...writes({
      create: {
        field: 'createPolicy',
        input: 'PolicyInput',
        fields: [
          'docNo',
          'title',
          'category',
          'signedOn',
          'effectiveFrom',
          'expiresOn',
          'isTrial',
          'validityClause',
          'summary',
          'issuers',
        ],
      },
      update: {
        field: 'updatePolicy',
        input: 'PolicyPatch',
        fields: [
          'title',
          'category',
          'signedOn',
          'effectiveFrom',
          'expiresOn',
          'isTrial',
          'validityClause',
          'summary',
          'issuers',
        ],
      },
      remove: 'deletePolicy',
    }),
  },
  organizations: {
    type: 'Organization',
    ...fragment(OrganizationsFields),
    page: 'organizationsPage',
    filterType: 'OrganizationPageFilter',
    ...writes({
      create: {
        field: 'createOrganization',
        input: 'OrganizationInput',
        fields: ['name', 'shortName', 'type'],
      },
      update: {
        field: 'updateOrganization',
        input: 'OrganizationPatch',
        fields: ['name', 'shortName', 'type'],
      },
      remove: 'deleteOrganization',
    }),
  },
  organizationAliases: {
    type: 'OrganizationAlias',
    ...fragment(OrganizationAliasesFields),
    page: 'organizationAliasesPage',
    filterType: 'OrganizationAliasPageFilter',
    ...writes({
      create: {
        field: 'createOrganizationAlias',
        input: 'OrganizationAliasInput',
        fields: ['alias', 'organizationId'],
      },
      update: {
        field: 'updateOrganizationAlias',
        input: 'OrganizationAliasPatch',
        fields: ['alias', 'organizationId'],
      },
      remove: 'deleteOrganizationAlias',
    }),
  },
  rateTables: {
    type: 'RateTable',
    ...fragment(RateTablesFields),
    page: 'rateTablesPage',
    filterType: 'RateTablePageFilter',
    ...writes({ update: { field: 'updateRateTable', input: 'RateTablePatch', fields: ['name'] } }),
  },
  rateTableVersions: {
    type: 'RateTableVersion',
    ...fragment(RateTableVersionFields),
    page: 'rateTableVersionsPage',
    filterType: 'RateTableVersionPageFilter',
    ...writes({
      create: {
        field: 'createRateTableVersion',
        input: 'RateTableVersionInput',
        fields: ['tableId', 'label', 'effectiveFrom', 'effectiveTo', 'note', 'basedOnId'],
      },
      update: {
        field: 'updateRateTableVersion',
        input: 'RateTableVersionPatch',
        fields: ['label', 'effectiveFrom', 'effectiveTo', 'note'],
      },
      remove: 'deleteRateTableVersion',
    }),
  },
  rateEntries: {
    type: 'RateEntry',
    ...fragment(RateEntryFields),
    page: 'rateEntriesPage',
    filterType: 'RateEntryPageFilter',
    ...writes({
      create: {
        field: 'createRateEntry',
        input: 'RateEntryInput',
        fields: [
          'versionId',
          'dimensions',
          'code',
          'name',
          'unit',
          'amount',
          'rate',
          'baseKey',
          'attributes',
          'position',
        ],
      },
      update: {
        field: 'updateRateEntry',
        input: 'RateEntryPatch',
        fields: [
          'dimensions',
          'code',
          'name',
          'unit',
          'amount',
          'rate',
          'baseKey',
          'attributes',
          'position',
        ],
      },
      remove: 'deleteRateEntry',
    }),
  },
  inspectionRounds: {
    type: 'InspectionRound',
    ...fragment(InspectionRoundsFields),
    page: 'inspectionRoundsPage',
    filterType: 'InspectionRoundPageFilter',
    ...writes({
      create: {
        field: 'createInspectionRound',
        input: 'InspectionRoundInput',
        fields: [
          'quarter',
          'windowStart',
          'windowEnd',
          'messagesReceived',
          'messagesClosed',
          'messagesOverdue',
        ],
      },
      update: {
        field: 'updateInspectionRound',
        input: 'InspectionRoundPatch',
        fields: [
          'windowStart',
          'windowEnd',
          'messagesReceived',
          'messagesClosed',
          'messagesOverdue',
        ],
      },
      remove: 'deleteInspectionRound',
    }),
  },
  websiteFindings: {
    type: 'WebsiteFinding',
    ...fragment(WebsiteFindingsFields),
    page: 'websiteFindingsPage',
    filterType: 'WebsiteFindingPageFilter',
    ...writes({
      create: {
        field: 'createWebsiteFinding',
        input: 'WebsiteFindingInput',
        fields: ['rectified', 'rectifiedOn'],
      },
      update: {
        field: 'updateWebsiteFinding',
        input: 'FindingPatch',
        fields: ['rectified', 'rectifiedOn'],
      },
      remove: 'deleteWebsiteFinding',
    }),
  },
  newMediaFindings: {
    type: 'NewMediaFinding',
    ...fragment(NewMediaFindingsFields),
    page: 'newMediaFindingsPage',
    filterType: 'NewMediaFindingPageFilter',
    ...writes({
      create: {
        field: 'createNewMediaFinding',
        input: 'NewMediaFindingInput',
        fields: ['rectified', 'rectifiedOn'],
      },
      update: {
        field: 'updateNewMediaFinding',
        input: 'FindingPatch',
        fields: ['rectified', 'rectifiedOn'],
      },
      remove: 'deleteNewMediaFinding',
    }),
  },
  cases: {
    type: 'DiscretionCase',
    ...fragment(CasesFields),
    mapFilter: ({ state, policyDocNo: _all, ...rest }) => ({
      ...rest,
      ...(state ? { state: Array.isArray(state) ? state : [state] } : {}),
    }),
    page: 'casesPage',
    filterType: 'CaseFilter',
    // Cases change only through transitionCase (dataProvider/cases.ts); the contract's
    // openDiscretionReview starts one (泸市监规发〔2024〕2号 第六条).
    ...writes({
      create: {
        field: 'openDiscretionReview',
        input: 'OpenDiscretionReviewInput',
        payload: 'case',
        fields: [
          'caseName',
          'subjectName',
          'caseNumber',
          'handler',
          'department',
          'contactName',
          'contactPhone',
          'caseFiledOn',
          'trigger',
          'filedOn',
        ],
      },
    }),
  },
  users: {
    type: 'User',
    ...fragment(UsersFields),
    page: 'usersPage',
    filterType: 'UserFilter',
    ...writes({
      create: {
        field: 'createUser',
        input: 'CreateUserInput',
        fields: ['email', 'name', 'role', 'password'],
      },
      update: {
        field: 'updateUser',
        input: 'UpdateUserInput',
        fields: ['name', 'role', 'active', 'password'],
      },
      remove: 'deleteUser',
    }),
  },
  apiTokens: {
    type: 'ApiToken',
    ...fragment(ApiTokensFields),
    page: 'apiTokensPage',
    filterType: 'ApiTokenFilter',
  },
  auditEntries: {
    type: 'AuditEntry',
    ...fragment(AuditEntriesFields),
    page: 'auditEntriesPage',
    filterType: 'AuditEntryFilter',
    // showLogins is the dashboard's own switch (audit/withoutLogins.ts), not the API's.
    mapFilter: ({ showLogins: _show, ...rest }) => rest,
  },
} satisfies Record<string, Checked>;
