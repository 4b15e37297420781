// Every action an audit entry can record, with the entity it names and what it keeps before and
// after. recordAudit accepts only these, so a new action is added here first, and to the audit
// vocabulary of @gazette/domain (AUDIT_ACTIONS, AUDIT_FIELDS), which the dashboard names in
// Chinese: test/audit-vocabulary.test.ts fails `pnpm typecheck` and `pnpm test` until both agree.
import type { ApiToken, DiscretionCase, ReviewTask, User, Webhook } from '@gazette/db';
import type { CaseEventType } from '@gazette/domain';
import type { GazetteImportApplied } from '@gazette/db/gazette-import';
import type { AnnexFileFormat } from './inspection-annexes/table.ts';
import type { AnnexKind } from './inspection-annexes/annexes.ts';
import type { VersionedModel } from './schema/write-helpers.ts';

/** A row as the conflict-safe writes read it (any versioned model). */
type StoredRow = Record<string, unknown>;
/** A user without the password hash. */
export type AuditedUser = Omit<User, 'passwordHash'>;
/** A token without the secret's hash. */
export type AuditedToken = Omit<ApiToken, 'tokenHash'>;

/** A webhook without its signing secret. */
export type AuditedWebhook = Omit<Webhook, 'secret'>;

/** Counts of a round's annex records; null where the import left that annex alone. */
export interface AnnexCounts {
  websiteFindings: number | null;
  newMediaFindings: number | null;
  dataGaps: number | null;
  adoptions: number | null;
}

/** The generic create/update/delete of a versioned model (write-helpers.ts). */
export type VersionedEntity = Capitalize<VersionedModel>;
type VersionedPayloads = {
  [M in VersionedModel as `${M}.create`]: {
    entity: VersionedEntity;
    before?: undefined;
    after: StoredRow;
  };
} & {
  [M in VersionedModel as `${M}.update`]: {
    entity: VersionedEntity;
    before: StoredRow;
    after: StoredRow;
  };
} & {
  [M in VersionedModel as `${M}.delete`]: {
    entity: VersionedEntity;
    before: StoredRow;
    after?: undefined;
  };
};

/** A case moved by one event of the transition table (services/cases.ts). */
type CaseEventPayloads = {
  [E in CaseEventType as `case.${Lowercase<E>}`]: {
    entity: 'DiscretionCase';
    before: DiscretionCase;
    after: DiscretionCase & { event: Record<string, unknown>; notices: string[] };
  };
};

type AnnexImport = {
  entity: 'InspectionRound';
  before: Record<keyof AnnexCounts, number>;
  after: AnnexCounts & { formats: Partial<Record<AnnexKind, AnnexFileFormat>> };
};

export type AuditPayloads = VersionedPayloads &
  CaseEventPayloads & {
    'session.login': { entity: 'Session'; before?: undefined; after?: undefined };
    'session.logout': { entity: 'Session'; before?: undefined; after?: undefined };
    'user.create': { entity: 'User'; before?: undefined; after: AuditedUser };
    'user.update': { entity: 'User'; before: AuditedUser; after: AuditedUser };
    'user.deactivate': { entity: 'User'; before: AuditedUser; after: AuditedUser };
    'apiToken.create': { entity: 'ApiToken'; before?: undefined; after: AuditedToken };
    'apiToken.revoke': { entity: 'ApiToken'; before: AuditedToken; after: AuditedToken };
    'case.open': { entity: 'DiscretionCase'; before?: undefined; after: DiscretionCase };
    'case.update': { entity: 'DiscretionCase'; before: DiscretionCase; after: DiscretionCase };
    'case.correct': {
      entity: 'DiscretionCase';
      before: DiscretionCase & { event: Record<string, unknown> };
      after: DiscretionCase & { event: Record<string, unknown>; reason: string };
    };
    'reviewTask.assign': {
      entity: 'ReviewTask';
      before: StoredRow | ReviewTask;
      after: StoredRow | ReviewTask;
    };
    'reviewTask.resolve': {
      entity: 'ReviewTask';
      before: StoredRow | ReviewTask;
      after: StoredRow | ReviewTask;
    };
    'webhook.create': { entity: 'Webhook'; before?: undefined; after: AuditedWebhook };
    'webhook.update': { entity: 'Webhook'; before: AuditedWebhook; after: AuditedWebhook };
    'webhook.delete': { entity: 'Webhook'; before: AuditedWebhook; after?: undefined };
    'webhook.replay': { entity: 'Webhook'; before: AuditedWebhook; after: AuditedWebhook };
    'webhook.rotate_secret': { entity: 'Webhook'; before: AuditedWebhook; after: AuditedWebhook };
    'rateTableVersion.importCsv': {
      entity: 'RateTableVersion';
      before?: undefined;
      after: { entries: number };
    };
    'inspectionRound.importAnnexes': AnnexImport;
    'inspectionRound.importCsv': AnnexImport;
    // Written by @gazette/db's gazette import (prisma/src/gazette-import), which cannot import this file.
    'gazetteImport.create': {
      entity: 'GazetteImport';
      before?: undefined;
      after: { issueLabel: string; documents: number; problems: number };
    };
    'gazetteImport.apply': {
      entity: 'GazetteImport';
      before?: undefined;
      after: { issueLabel: string } & GazetteImportApplied;
    };
  };

export type AuditAction = keyof AuditPayloads & string;

/** One audit entry as a write records it: the action decides the entity and the payload's shape. */
export type AuditRecord<A extends AuditAction = AuditAction> = A extends AuditAction
  ? AuditRecordOf<A>
  : never;

/**
 * The entry for action A. recordAudit takes this form so that a write naming one of several
 * actions of the same shape at once (`${model}.update` of any versioned model) is accepted.
 */
export type AuditRecordOf<A extends AuditAction> = {
  action: A;
  entityId: string;
} & AuditPayloads[A];

/** The actions of the review tasks (assign, resolve). */
export type ReviewTaskAction = Extract<AuditAction, `reviewTask.${'assign' | 'resolve'}`>;
/** The actions of an annex import. */
export type AnnexImportAction = Extract<AuditAction, `inspectionRound.import${string}`>;
