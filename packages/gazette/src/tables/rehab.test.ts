import { REHAB_SERVICES, type RehabService } from '@gazette/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SeedRehabService } from '../seed-types.ts';
import { lineText, readEdited, reading, tableOf } from '../testing/issue.ts';
import { REHAB_SERVICE_WORDS } from './rehab.ts';

const table = () => tableOf(reading(), 'REHAB_ASSISTANCE');

describe('the rehabilitation assistance standards of 泸市府规〔2024〕4号 二(二)', () => {
  it('reads the seven services, caps, periods, repeat rules and articles', () => {
    expect(
      table().entries.map((e) => [e.service, e.cap, e.period, e.repeatYears, e.article]),
    ).toEqual([
      ['SURGERY', '30000', 'YEAR', null, '二(二)1'],
      ['TRAINING', '20000', 'YEAR', null, '二(二)2'],
      ['BASIC_DEVICE', '5000', 'PERSON', 2, '二(二)3'],
      ['COCHLEAR_IMPLANT', '60000', 'PERSON', 2, '二(二)3'],
      ['HEARING_AID', '10000', 'PERSON', 2, '二(二)3'],
      ['PROSTHESIS', '10000', 'EACH', 2, '二(二)3'],
      ['LIMB_ORTHOSIS', '5000', 'YEAR', null, '二(二)3'],
    ]);
  });

  it('keeps each clause as printed with its line', () => {
    expect(table().entries.map((e) => [e.text, e.line])).toEqual([
      ['实施残疾儿童康复手术的,住院费、手术费、治疗费救助每名不超过3万元/年。', 128],
      ['落实康复训练的,每名不超过2万元/年。', 130],
      ['基本辅具适配不超过0.5万元/人', 132],
      ['人工耳蜗(产品、零配件等)不超过6万元/人', 132],
      ['助听器不超过1万元/人', 132],
      ['普及性假肢安装每具不超过1万元/人', 132],
      ['除肢体残疾矫形器可每年享受外,其他辅具两年内不得再救助同一类型辅具器具。', 132],
    ]);
  });

  it('belongs to the notice and its range, at the line of its section', () => {
    const found = reading().tables.find((t) => t.kind === 'REHAB_ASSISTANCE')!;
    expect([found.docNo, found.line]).toEqual(['泸市府规〔2024〕4号', 126]);
    expect(table()).toMatchObject({
      policyDocNo: '泸市府规〔2024〕4号',
      name: '残疾儿童康复救助标准',
      effectiveFrom: '2025-01-06',
      effectiveTo: '2030-01-05',
    });
  });

  it('names every service of the domain with its words', () => {
    expectTypeOf<SeedRehabService>().toEqualTypeOf<RehabService>();
    expect(Object.keys(REHAB_SERVICE_WORDS).sort()).toEqual([...REHAB_SERVICES].sort());
  });
});

describe('standards the reader cannot map', () => {
  it('reports a clause naming no known service, with its line', () => {
    const r = readEdited({ 132: lineText(132).replace('助听器', '助视器') });
    expect(tableOf(r, 'REHAB_ASSISTANCE').entries.map((e) => e.service)).not.toContain(
      'HEARING_AID',
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 132, code: 'REHAB_CLAUSE_UNMAPPED' }),
    );
  });

  it('reports a cap that says neither per year, per person nor per device', () => {
    const r = readEdited({ 128: lineText(128).replace('3万元/年', '3万元') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 128, code: 'REHAB_PERIOD_UNKNOWN' }),
    );
  });

  it('reports a yearly exception for a device it cannot place', () => {
    const r = readEdited({ 132: lineText(132).replace('肢体残疾矫形器', '导盲杖') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 132, code: 'REHAB_CLAUSE_UNMAPPED' }),
    );
  });

  it('reports a 救助标准 section without any standard', () => {
    const r = readEdited({ 128: '1.实施残疾儿童康复手术的,按规定救助。', 130: null, 132: null });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 126, code: 'REHAB_STANDARDS_EMPTY' }),
    );
  });
});
