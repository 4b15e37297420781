// The generic CRUD's names come from the schema: a field an input lacks is a type error (checked
// by `pnpm typecheck`, which compiles this file), and pickInput sends only the listed fields.
import { describe, expect, it } from 'vitest';
import {
  fieldOf,
  pickInput,
  sourceOf,
  type InputField,
  type MutationName,
  type QueryName,
} from './schemaNames.ts';
import { resources } from '../dataProvider/resources.ts';

describe('schema names', () => {
  it('types input fields, mutations and list fields from the schema', () => {
    const field: InputField<'PolicyPatch'> = 'title';
    // @ts-expect-error 文号 cannot be changed: PolicyPatch has no docNo
    const docNo: InputField<'PolicyPatch'> = 'docNo';
    // @ts-expect-error a draft's version stays its own: RateEntryPatch has no versionId
    const versionId: InputField<'RateEntryPatch'> = 'versionId';
    const mutation: MutationName = 'deleteRateEntry';
    // @ts-expect-error no such mutation
    const missing: MutationName = 'deleteCase';
    const page: QueryName = 'policiesPage';
    const filter = sourceOf<'PolicyPageFilter'>();
    // @ts-expect-error the policy filter has no such field
    const typo = filter('stauts');
    expect([field, docNo, versionId, mutation, missing, page, filter('q'), typo]).toHaveLength(8);
  });

  it('checks list filter and form sources against the input they feed', () => {
    // The policy list's filters feed PolicyPageFilter: a misspelt source fails typecheck.
    const filter = sourceOf<'PolicyPageFilter'>();
    // @ts-expect-error PolicyPageFilter has asOf, not asof
    const misspelt = filter('asof');
    // @ts-expect-error a form field is no filter: PolicyPageFilter has no docNo
    const formField = filter('docNo');
    // A form shared by create and edit takes only what both inputs take: 文号 is create-only.
    const shared = sourceOf<'PolicyInput' | 'PolicyPatch', 'issuerNames'>();
    // @ts-expect-error PolicyPatch has no docNo
    const docNo = shared('docNo');
    // A value the page keeps to itself is named explicitly (the audit list's showLogins).
    const audit = sourceOf<'AuditEntryFilter', 'showLogins'>();
    // @ts-expect-error AuditEntryFilter has actor, not actorLabel (that is AuditEntry's field)
    const actorLabel = audit('actorLabel');
    // Shown fields are checked against the object type.
    const shown = fieldOf<'User'>();
    // @ts-expect-error User has email, not mail
    const mail = shown('mail');
    expect([
      filter('asOf'),
      shared('title'),
      shared('issuerNames'),
      audit('showLogins'),
      audit('actor'),
      shown('email'),
    ]).toEqual(['asOf', 'title', 'issuerNames', 'showLogins', 'actor', 'email']);
    expect([misspelt, formField, docNo, actorLabel, mail]).toHaveLength(5);
  });

  it('keeps only the fields the input takes, empty text as null', () => {
    const toPatch = pickInput('PolicyPatch', ['title', 'summary', 'expiresOn']);
    expect(
      toPatch({
        id: 'x',
        docNo: '某号',
        title: '标题',
        summary: '',
        version: 3,
        expiresOn: undefined,
      }),
    ).toEqual({ title: '标题', summary: null });
  });

  it("sends an update only the fields of the resource's patch input", () => {
    const entryPatch = resources.rateEntries!.toUpdateInput!;
    expect(
      entryPatch({ id: 'e', versionId: 'v', amount: '12', rate: null, key: 'k', version: 2 }),
    ).toEqual({ amount: '12', rate: null });
    const versionPatch = resources.rateTableVersions!.toUpdateInput!;
    expect(
      versionPatch({
        tableId: 't',
        basedOnId: 'b',
        effectiveFrom: '2027-01-01',
        effectiveTo: null,
      }),
    ).toEqual({ effectiveFrom: '2027-01-01', effectiveTo: null });
  });
});
