import { describe, expect, it } from 'vitest';
import { caseRows, findingRows, policyRows } from './build.ts';

const table = (id: string, name: string, effectiveTo: string | null, inForce: boolean) => ({
  id,
  name,
  versionInForce: inForce ? { id: `v-${id}` } : null,
  versions: { edges: [{ node: { effectiveTo } }] },
});

describe('work list rows', () => {
  it('lists a document ending within the window with its days left and what stops', () => {
    const rows = policyRows(
      {
        expiring: [
          {
            id: 'p1',
            docNo: '泸市监规发〔2024〕2号',
            title: '审查办法',
            expiresOn: '2026-12-18',
            daysLeft: 16,
            rateTables: [],
          },
        ],
        expired: [],
        tables: [],
      },
      '2026-12-02',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toEqual({
      key: 'worklist.daysLeft',
      values: { n: 16, date: '2026-12-18' },
    });
    expect(rows[0]!.effects[0]!.key).toBe('worklist.effects.casesStop');
    expect(rows[0]!.to).toBe('/policies/p1/show');
  });

  it('says a recently ended document stopped its prices the day after its last day, once per table', () => {
    const t = table('t1', '医疗服务价格', '2026-10-31', false);
    const rows = policyRows(
      {
        expiring: [],
        expired: [
          {
            id: 'p2',
            docNo: '泸市医保规〔2024〕4号',
            title: '价格',
            expiresOn: '2026-10-31',
            daysLeft: -32,
            rateTables: [{ id: 't1', name: '医疗服务价格' }],
          },
        ],
        tables: [{ ...t, policy: { id: 'p2', docNo: '泸市医保规〔2024〕4号', title: '价格' } }],
      },
      '2026-12-02',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toEqual({
      key: 'worklist.ended',
      values: { date: '2026-11-01', n: 32 },
    });
    expect(rows[0]!.effects).toEqual([
      {
        key: 'worklist.effects.pricesStopped',
        values: { table: '医疗服务价格', date: '2026-11-01' },
      },
    ]);
  });

  it('leaves out documents that ended long ago and tables still in force', () => {
    const rows = policyRows(
      {
        expiring: [],
        expired: [
          {
            id: 'p3',
            docNo: 'x',
            title: 'x',
            expiresOn: '2025-01-01',
            daysLeft: -700,
            rateTables: [],
          },
        ],
        tables: [{ ...table('t2', 'a', null, true), policy: { id: 'p', docNo: 'y', title: 'y' } }],
      },
      '2026-12-02',
    );
    expect(rows).toEqual([]);
  });

  it('lists a table without a version in force on its own', () => {
    const rows = policyRows(
      {
        expiring: [],
        expired: [],
        tables: [
          {
            ...table('t3', '标准', '2026-11-15', false),
            policy: { id: 'p', docNo: 'y', title: 'y' },
          },
        ],
      },
      '2026-12-02',
    );
    expect(rows.map((r) => [r.head, r.status.values.date, r.to])).toEqual([
      ['标准', '2026-11-16', '/rateTables/t3/show'],
    ]);
  });

  it('keeps cases due within a week or overdue, and findings not rectified or unknown', () => {
    const cases = caseRows(
      [
        {
          id: 'c1',
          caseName: 'A',
          subjectName: 's',
          state: 'UNDER_REVIEW',
          reviewDeadline: '2026-11-30',
          overdue: true,
        },
        {
          id: 'c2',
          caseName: 'B',
          subjectName: 's',
          state: 'UNDER_REVIEW',
          reviewDeadline: '2026-12-05',
          overdue: false,
        },
        {
          id: 'c3',
          caseName: 'C',
          subjectName: 's',
          state: 'UNDER_REVIEW',
          reviewDeadline: '2027-01-05',
          overdue: false,
        },
      ],
      '2026-12-02',
    );
    expect(cases.map((c) => [c.head, c.status.key, c.status.values.n])).toEqual([
      ['A', 'worklist.caseOverdue', 2],
      ['B', 'worklist.caseDue', 3],
    ]);
    const findings = findingRows([
      {
        id: 'f1',
        name: 'n',
        description: 'd',
        rectified: false,
        organization: { name: 'o' },
        kind: 'websiteFindings',
      },
      {
        id: 'f2',
        name: 'm',
        description: 'd',
        rectified: null,
        organization: { name: 'o' },
        kind: 'newMediaFindings',
      },
    ]);
    expect(findings.map((f) => [f.status.key, f.to])).toEqual([
      ['findings.notRectified', '/websiteFindings/f1'],
      ['findings.unknown', '/newMediaFindings/f2'],
    ]);
  });
});
