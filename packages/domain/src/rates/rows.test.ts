import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { medicalServiceTableFixture } from '../../test/fixtures/rate-tables.ts';
import { quoteMedicalServices } from './quote-medical-services.ts';
import { rateEntryFromRow, rateEntryToRow, rateTableFromRows } from './rows.ts';

const seeded = medicalServiceTableFixture();

/** What Prisma hands back: Dates at UTC midnight, Decimal-like objects, Json columns. */
function dbRows() {
  const v = seeded.versions[0]!;
  return {
    table: {
      id: 't1',
      key: seeded.key,
      kind: seeded.kind,
      name: seeded.name,
      dimensions: JSON.parse(JSON.stringify(seeded.dimensions)),
    },
    policy: {
      docNo: seeded.policy.docNo,
      effectiveFrom: new Date(Date.UTC(2024, 10, 1)),
      expiresOn: new Date(Date.UTC(2026, 9, 31)),
    },
    versions: [
      {
        id: 'v1',
        label: v.label,
        effectiveFrom: new Date(Date.UTC(2024, 10, 1)),
        effectiveTo: null,
        status: 'PUBLISHED' as const,
        note: v.note,
        basedOnId: null,
        entries: v.entries
          .map(rateEntryToRow)
          .map((r) => ({
            ...r,
            amount: r.amount === null ? null : { toString: () => `${r.amount}.0000` },
          }))
          .reverse(),
      },
    ],
  };
}

describe('rows', () => {
  it('writes decimals as plain strings (0.39, not 3.9e-1)', () => {
    const row = rateEntryToRow(
      seeded.versions[0]!.entries.find((e) => e.key === '311201070-1|TERTIARY_A')!,
    );
    expect(row).toMatchObject({ amount: null, rate: '0.39', baseKey: '311201070|TERTIARY_A' });
  });

  it('reads a Prisma Decimal (DECIMAL(14,4) string) into an exact Decimal', () => {
    const e = rateEntryFromRow({
      key: 'k',
      dimensions: { code: 'c' },
      amount: { toString: () => '1769.0000' },
      rate: null,
    });
    expect(e.amount?.eq(1769)).toBe(true);
    expect(e.attributes).toEqual({});
  });

  it('rebuilds a table from DB rows that quotes exactly like the in-memory table', () => {
    const r = dbRows();
    const table = rateTableFromRows(r.table, r.policy, r.versions);
    expect(table.versions[0]?.effectiveFrom).toBe('2024-11-01');
    expect(table.policy.expiresOn).toBe('2026-10-31');
    const input = {
      grade: 'TERTIARY_A' as const,
      asOf: '2025-01-01',
      items: [{ code: '311201070-1', quantity: 1 }],
    };
    expect(quoteMedicalServices(table, input).total.toFixed(2)).toBe('1154.01');
    expect(quoteMedicalServices(seeded, input).total.toFixed(2)).toBe('1154.01');
  });

  it('orders entries by position whatever order the rows come in', () => {
    const r = dbRows();
    const table = rateTableFromRows(r.table, r.policy, r.versions);
    expect(table.versions[0]?.entries[0]?.key).toBe('311201069|TERTIARY_A');
  });

  it('rejects a non-decimal amount naming the field', () => {
    try {
      rateEntryFromRow({ key: 'k', dimensions: {}, amount: 'abc' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe('amount');
    }
  });
});
