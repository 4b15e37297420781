// The records built from the committed JSON of 2024-12 are exactly what the domain registries
// seeded before (same rows), and a defect in a file is refused with its file and field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ISSUE_2024_12_POLICIES,
  ROUND_2024Q4,
  SEED_RATE_TABLES,
  dutyAssignments,
  NOISE_DUTY_ARTICLES,
  rateTableSeedRows,
} from '@gazette/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIssueRecords } from './build.ts';
import { SeedFileError } from './check.ts';
import { readIssueSeed } from './files.ts';

const ISSUE_DIR = fileURLToPath(new URL('../../seed/2024-12/', import.meta.url));
const records = buildIssueRecords(readIssueSeed(ISSUE_DIR));

describe('the 2024-12 seed files give the rows the domain registries gave', () => {
  it('policies: the nine documents field by field', () => {
    expect(records.policies).toEqual(ISSUE_2024_12_POLICIES.map((p) => ({ ...p })));
  });

  it('rate tables: every table, version and entry (medical and land from JSON, the rest from the domain)', () => {
    expect(rateTableSeedRows(records.rateTables)).toEqual(rateTableSeedRows(SEED_RATE_TABLES));
  });

  it('duties: texts and responsible bodies of the 13 rows', () => {
    const assignments = dutyAssignments();
    expect(records.duties?.duties).toEqual(
      NOISE_DUTY_ARTICLES.map((a) => ({
        seq: a.seq,
        article: a.article,
        lawText: a.lawText,
        duty: a.duty,
        // What the loader created before: the article's bodies in table order, each once.
        assignments: assignments
          .filter((x) => x.seq === a.seq)
          .filter((x, i, all) => all.findIndex((y) => y.organization === x.organization) === i)
          .map((x) => ({ organization: x.organization, role: x.role })),
      })),
    );
  });

  it('inspection: the 2024Q4 round with its findings, gaps and adoptions', () => {
    expect(records.rounds).toEqual([ROUND_2024Q4]);
  });
});

describe('a malformed seed file', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function broken(name: string, edit: (json: Record<string, unknown>) => void): string {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'seed-')), '2024-12');
    dirs.push(path.dirname(dir));
    cpSync(ISSUE_DIR, dir, { recursive: true });
    const json = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
    edit(json);
    writeFileSync(path.join(dir, name), JSON.stringify(json));
    return dir;
  }
  const errorOf = (dir: string) => {
    try {
      buildIssueRecords(readIssueSeed(dir));
    } catch (error) {
      return error as SeedFileError;
    }
    throw new Error('no error');
  };

  it('names the file and the field of a price written as a number', () => {
    const dir = broken('medical-service-prices.json', (j) => {
      ((j.items as { values: Record<string, unknown> }[])[2]!.values).TERTIARY_A = 0.39;
    });
    const error = errorOf(dir);
    expect(error).toBeInstanceOf(SeedFileError);
    expect([error.file, error.field]).toEqual([path.join('2024-12', 'medical-service-prices.json'), 'items[2].values.TERTIARY_A']);
  });

  it('names an impossible date', () => {
    const dir = broken('policies.json', (j) => {
      (j.policies as { signedOn: string }[])[1]!.signedOn = '2024-02-30';
    });
    expect(errorOf(dir).message).toMatch(/policies\.json: policies\[1\]\.signedOn/);
  });

  it('refuses an expiry the validity clause does not give (a domain rule)', () => {
    const dir = broken('policies.json', (j) => {
      (j.policies as { expiresOn: string }[])[0]!.expiresOn = '2030-01-06';
    });
    expect(errorOf(dir)).toMatchObject({ field: 'policies[0].expiresOn' });
  });

  it('refuses a body the organisation registry does not know', () => {
    const dir = broken('inspection-2024Q4.json', (j) => {
      (j.adoptions as { organization: string }[])[3]!.organization = '不存在的局';
    });
    expect(errorOf(dir)).toMatchObject({ file: path.join('2024-12', 'inspection-2024Q4.json'), field: 'adoptions[3].organization' });
  });

  it('refuses a surcharge whose base is not the domain rule', () => {
    const dir = broken('medical-service-prices.json', (j) => {
      (j.items as { baseCode: string }[])[2]!.baseCode = '311201069';
    });
    expect(errorOf(dir)).toMatchObject({ field: 'items[2].baseCode' });
  });
});
