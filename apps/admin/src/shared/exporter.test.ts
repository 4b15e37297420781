import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { recordsToCsv } from './exporter.ts';

describe('recordsToCsv', () => {
  it('writes one row per record, nested objects as dotted columns and arrays joined', () => {
    const csv = recordsToCsv([
      {
        id: 'a',
        docNo: '泸市府规〔2024〕4号',
        issuers: [
          { id: 'o1', name: '市政府' },
          { id: 'o2', name: '市财政局' },
        ],
        tags: ['x', 'y'],
        round: { quarter: '2024Q4' },
        expiresOn: null,
      },
      {
        id: 'b',
        docNo: '泸市府发〔2024〕1号, "试行"',
        issuers: [],
        tags: [],
        round: null,
        isTrial: true,
      },
    ]);
    expect(parseCsv(csv)).toEqual([
      [
        'id',
        'docNo',
        'issuers.id',
        'issuers.name',
        'tags',
        'round.quarter',
        'expiresOn',
        'issuers',
        'round',
        'isTrial',
      ],
      ['a', '泸市府规〔2024〕4号', 'o1;o2', '市政府;市财政局', 'x;y', '2024Q4', '', '', '', ''],
      ['b', '泸市府发〔2024〕1号, "试行"', '', '', '', '', '', '', '', 'true'],
    ]);
  });

  it('keeps the fields named as JSON whole', () => {
    const csv = recordsToCsv([{ id: 1, before: { title: '旧', version: 1 }, after: null }], {
      json: ['before', 'after'],
    });
    expect(parseCsv(csv)).toEqual([
      ['id', 'before', 'after'],
      ['1', '{"title":"旧","version":1}', ''],
    ]);
  });
});
