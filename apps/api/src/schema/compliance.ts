// Compliance (contract): a quarter's figures, each body's findings and the compliance table, and
// problems repeated over consecutive quarters — each computed by a service in SQL.
import {
  formatQuarter,
  parseQuarter,
  type OrganizationCompliance as OrgCompliance,
} from '@gazette/domain';
import type {
  NewMediaFinding as NewMediaFindingRow,
  WebsiteFinding as WebsiteFindingRow,
} from '@gazette/db';
import { builder } from '../builder.ts';
import { findOrganizationCompliance } from '../services/inspections/find-organization-compliance.ts';
import {
  findRepeatFindings,
  type RepeatFindingWithBody,
} from '../services/inspections/find-repeat-findings.ts';
import {
  listOrganizationsCompliance,
  type OrganizationComplianceRow,
} from '../services/inspections/list-organizations-compliance.ts';
import {
  loadComplianceSummaries,
  type LoadedComplianceSummary,
} from '../services/inspections/load-compliance-summaries.ts';
import { NewMediaFinding, WebsiteFinding } from './inspection-findings.ts';
import { AdoptionRatingEnum } from './inspections.ts';
import { Organization } from './organizations.ts';

/** A quarter text as stored: 2024q4 → 2024Q4; anything else BAD_USER_INPUT. */
const quarterOf = (text: string) => formatQuarter(parseQuarter(text, 'quarter'));

const ComplianceSummaryRef = builder
  .objectRef<LoadedComplianceSummary>('ComplianceSummary')
  .implement({
    fields: (t) => ({
      quarter: t.exposeString('quarter'),
      websitesChecked: t.exposeInt('websitesChecked'),
      websitesWithIssues: t.exposeInt('websitesWithIssues'),
      websiteIssues: t.exposeInt('websiteIssues'),
      websiteIssuesRectified: t.exposeInt('websiteIssuesRectified'),
      newMediaAccountsChecked: t.exposeInt('newMediaAccountsChecked'),
      newMediaAccountsWithIssues: t.exposeInt('newMediaAccountsWithIssues'),
      messagesReceived: t.exposeInt('messagesReceived'),
      messagesClosed: t.exposeInt('messagesClosed'),
      baseDataMissing: t.field({
        type: [Organization],
        resolve: (s) => s.baseDataMissing.map((id) => s.orgs.get(id)!),
      }),
      processDataMissing: t.field({
        type: [Organization],
        resolve: (s) => s.processDataMissing.map((id) => s.orgs.get(id)!),
      }),
    }),
  });

// The domain's findings here are the database rows (rectifiedOn as a plain date, which the Date scalar serialises alike).
const OrganizationComplianceRef = builder
  .objectRef<OrgCompliance>('OrganizationCompliance')
  .implement({
    fields: (t) => ({
      quarter: t.exposeString('quarter'),
      websiteIssues: t.field({
        type: [WebsiteFinding],
        resolve: (c) => c.websiteIssues as unknown as WebsiteFindingRow[],
      }),
      newMediaIssues: t.field({
        type: [NewMediaFinding],
        resolve: (c) => c.newMediaIssues as unknown as NewMediaFindingRow[],
      }),
      baseDataMissing: t.exposeBoolean('baseDataMissing'),
      processDataMissing: t.exposeBoolean('processDataMissing'),
      adoption: t.field({ type: AdoptionRatingEnum, nullable: true, resolve: (c) => c.adoption }),
    }),
  });

const RepeatFindingRef = builder.objectRef<RepeatFindingWithBody>('RepeatFinding').implement({
  fields: (t) => ({
    organization: t.field({ type: Organization, resolve: (r) => r.organization }),
    channel: t.exposeString('channel'),
    subject: t.exposeString('subject'),
    issue: t.exposeString('issue'),
    quarters: t.exposeStringList('quarters'),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  compliance: t.field({
    type: OrganizationComplianceRef,
    nullable: true,
    description: "This body's findings in a quarter's inspection; null when no round exists.",
    args: { quarter: t.arg.string({ required: true }) },
    select: { id: true },
    resolve: (org, args, ctx) => findOrganizationCompliance(ctx, quarterOf(args.quarter), org.id),
  }),
}));
const OrganizationComplianceRowRef = builder
  .objectRef<OrganizationComplianceRow>('OrganizationComplianceRow')
  .implement({
    description: "One body's line in a quarter's compliance table.",
    fields: (t) => ({
      organization: t.field({ type: Organization, resolve: (r) => r.organization }),
      websiteIssues: t.exposeInt('websiteIssues'),
      websiteIssuesRectified: t.exposeInt('websiteIssuesRectified'),
      newMediaIssues: t.exposeInt('newMediaIssues'),
      newMediaIssuesRectified: t.exposeInt('newMediaIssuesRectified'),
      baseDataMissing: t.exposeBoolean('baseDataMissing'),
      processDataMissing: t.exposeBoolean('processDataMissing'),
      adoption: t.field({ type: AdoptionRatingEnum, nullable: true, resolve: (r) => r.adoption }),
    }),
  });
builder.queryFields((t) => ({
  // Every quarter's headline figures, oldest first (trend charts).
  complianceSummaries: t.field({
    type: [ComplianceSummaryRef],
    resolve: (_root, _args, ctx) => loadComplianceSummaries(ctx.prisma, null),
  }),
  // Every body named in a quarter's round, with its findings counted (the compliance table).
  organizationsCompliance: t.field({
    type: [OrganizationComplianceRowRef],
    args: { quarter: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => listOrganizationsCompliance(ctx.prisma, quarterOf(args.quarter)),
  }),
  complianceSummary: t.field({
    type: ComplianceSummaryRef,
    nullable: true,
    args: { quarter: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) =>
      (await loadComplianceSummaries(ctx.prisma, quarterOf(args.quarter)))[0] ?? null,
  }),
  // The same body with the same problem in consecutive quarters.
  repeatFindings: t.field({
    type: [RepeatFindingRef],
    args: { matchIssue: t.arg.boolean({ required: false, defaultValue: true }) },
    resolve: (_root, args, ctx) =>
      findRepeatFindings(ctx.prisma, { matchIssue: args.matchIssue ?? true }),
  }),
}));
