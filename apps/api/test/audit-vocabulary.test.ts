// The audit vocabulary of @gazette/domain (what the dashboard names in Chinese) against what the
// API writes: the same actions with the same entities (checked by `pnpm typecheck`), and a name
// for every column of the records written whole and every key of the summaries and case events.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Prisma } from '@gazette/db';
import type { GazetteImportApplied } from '@gazette/db/gazette-import';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_FIELDS,
  AUDIT_HIDDEN_FIELDS,
  type AuditActionName,
  type CaseEventInput,
} from '@gazette/domain';
import type { AnnexCounts, AuditAction, AuditPayloads } from '../src/audit-actions.ts';
import type { AnnexKind } from '../src/inspection-annexes/annexes.ts';

type Keys<T> = Record<keyof T & string, true>;

/** The summaries' and case events' keys: each object lists every key of its type (tsc checks). */
const annexCounts: Keys<AnnexCounts> = {
  websiteFindings: true,
  newMediaFindings: true,
  dataGaps: true,
  adoptions: true,
};
const annexFormats: Record<AnnexKind, true> = {
  WEBSITE: true,
  NEW_MEDIA: true,
  DATA_COLLECTION: true,
  ADOPTION: true,
};
const applied: Keys<GazetteImportApplied> = {
  policies: true,
  rateVersions: true,
  rounds: true,
  duties: true,
  repealed: true,
};
const appliedPolicies: Keys<GazetteImportApplied['policies']> = { created: true, updated: true };
const importRead: Keys<AuditPayloads['gazetteImport.create']['after']> = {
  issueLabel: true,
  documents: true,
  problems: true,
};
const csvImport: Keys<AuditPayloads['rateTableVersion.importCsv']['after']> = { entries: true };
/** A case event's payload: the input's own fields (transition-case.ts' eventPayload), and corrections. */
const eventPayload: Record<Exclude<keyof CaseEventInput, 'type' | 'on'>, true> = {
  reviewMode: true,
  reviewDays: true,
  conditionsMet: true,
  exclusions: true,
  reason: true,
  passed: true,
  decision: true,
  note: true,
};
/** correct-case-event.ts: each correction, and its from/to. */
const correction = { corrections: true, at: true, by: true, reason: true, from: true, to: true };
const correctionSide = { on: true, note: true };
/** What a case event's entry adds to the case (transition-case.ts, correct-case-event.ts). */
const caseEventAdds = { event: true, notices: true, reason: true };
/** Where an audit entry keeps a summary, not the record: no column of these tables is written. */
const SUMMARY_ONLY = new Set(['GazetteImport', 'Session']);

function columnsOf(model: string): string[] {
  const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[
    `${model}ScalarFieldEnum`
  ];
  if (!fields) throw new Error(`no model ${model}`);
  return Object.keys(fields);
}

/** Every field name a reader can meet in an entry's before/after. */
function writtenFields(): Set<string> {
  const names = new Set<string>();
  for (const entity of AUDIT_ENTITIES)
    if (!SUMMARY_ONLY.has(entity)) for (const c of columnsOf(entity)) names.add(c);
  for (const c of columnsOf('CaseEvent')) names.add(c);
  for (const keys of [
    annexCounts,
    annexFormats,
    applied,
    appliedPolicies,
    importRead,
    csvImport,
    eventPayload,
    correction,
    correctionSide,
    caseEventAdds,
    { formats: true, issueLabel: true },
  ])
    for (const k of Object.keys(keys)) names.add(k);
  for (const hidden of AUDIT_HIDDEN_FIELDS) names.delete(hidden);
  return names;
}

describe('audit vocabulary (@gazette/domain) and the API', () => {
  it('lists exactly the actions recordAudit accepts, each with its entity', () => {
    expectTypeOf<AuditActionName>().toEqualTypeOf<AuditAction>();
    expectTypeOf<{
      [A in AuditAction]: (typeof AUDIT_ACTIONS)[A] extends AuditPayloads[A]['entity']
        ? true
        : false;
    }>().toEqualTypeOf<{ [A in AuditAction]: true }>();
  });

  it('names every field the API can write, and none it never writes', () => {
    const listed = new Set<string>(AUDIT_FIELDS);
    const written = writtenFields();
    expect([...written].filter((f) => !listed.has(f)).sort()).toEqual([]);
    expect([...listed].filter((f) => !written.has(f)).sort()).toEqual([]);
  });

  it('hides the secrets and bookkeeping of the records it audits', () => {
    for (const f of ['passwordHash', 'tokenHash', 'secret', 'version', 'id'])
      expect(AUDIT_HIDDEN_FIELDS.has(f)).toBe(true);
  });
});
