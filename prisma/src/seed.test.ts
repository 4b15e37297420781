// A new database gets the reference organisations, then the committed seed issue imported through
// the same path an administrator's import takes; a bad reference file or a seed issue the reader
// cannot read cleanly stops the start before any gazette data is written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUES_DIR, ORGANIZATIONS_FILE, SeedFileError, seedDatabase } from './seed.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
let tmp: string;
beforeAll(async () => {
  db = await createTestDatabase();
  tmp = mkdtempSync(path.join(tmpdir(), 'seed-'));
});
afterAll(async () => {
  await db?.drop();
  rmSync(tmp, { recursive: true, force: true });
});

const SEED_TEXT = readFileSync(path.join(ISSUES_DIR, '2024-12.md'), 'utf8');

describe('seedDatabase', () => {
  it('writes nothing when the reference file is malformed, and names the field', async () => {
    const json = JSON.parse(readFileSync(ORGANIZATIONS_FILE, 'utf8')) as {
      organizations: { type: string }[];
    };
    json.organizations[3]!.type = 'MINISTRY';
    const file = path.join(tmp, 'organizations.json');
    writeFileSync(file, JSON.stringify(json));
    const error = await seedDatabase(db.prisma, { organizationsFile: file }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SeedFileError);
    expect((error as Error).message).toContain('organizations[3].type');
    expect(await db.prisma.organization.count()).toBe(0);
  });

  it('refuses a seed issue with an unreadable price cell, naming its line, and writes no gazette data', async () => {
    const lines = SEED_TEXT.split('\n');
    const at = lines.findIndex((l) => l.startsWith('1\t311201069\t'));
    lines[at] = lines[at]!.replace('\t1769\t', '\t17б9\t');
    writeFileSync(path.join(tmp, 'broken.md'), lines.join('\n'));
    const error = await seedDatabase(db.prisma, { issues: ['broken'], issuesDir: tmp }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`broken.md:${at + 1}`);
    expect(await db.prisma.policy.count()).toBe(0);
    expect(await db.prisma.rateEntry.count()).toBe(0);
    expect(await db.prisma.gazetteIssue.count()).toBe(0);
    // The draft stays, with its problems, for whoever looks at the imports.
    expect(await db.prisma.gazetteImport.count({ where: { status: 'DRAFT' } })).toBe(1);
  });

  it('imports 2024年第12期 through importGazetteIssue and applyGazetteImport', async () => {
    const report = await seedDatabase(db.prisma);
    expect(report.issues).toEqual(['2024年第12期']);
    const issue = await db.prisma.gazetteIssue.findUniqueOrThrow({
      where: { label: '2024年第12期' },
    });
    expect(issue.text).toBe(SEED_TEXT);
    expect(
      await db.prisma.gazetteImport.count({ where: { status: 'APPLIED', issueId: issue.id } }),
    ).toBe(1);
    const policies = await db.prisma.policy.findMany({ include: { articles: true } });
    expect(policies).toHaveLength(9);
    for (const p of policies) {
      expect(p.sourceIssueId, p.docNo).toBe(issue.id);
      expect(p.text?.length, p.docNo).toBeGreaterThan(100);
      expect(p.lineFrom! < p.lineTo!, p.docNo).toBe(true);
    }
    const guidance = policies.find((p) => p.docNo === '泸市监规发〔2024〕2号')!;
    expect(guidance.articles.map((a) => a.number)).toContain('第十三条');
    expect(guidance.articles.find((a) => a.number === '第十三条')?.text).toContain(
      '最长不超过两个月',
    );
  });

  it('keeps where every record came from: the rate versions, the round and the duties', async () => {
    const issue = await db.prisma.gazetteIssue.findUniqueOrThrow({
      where: { label: '2024年第12期' },
    });
    const versions = await db.prisma.rateTableVersion.findMany({
      include: { table: true, policy: true },
    });
    expect(
      versions.map((v) => [v.table.key, v.policy?.docNo, v.sourceIssueId === issue.id]).sort(),
    ).toEqual(
      [
        ['child-rehab-assistance-standards', '泸市府规〔2024〕4号', true],
        ['land-transfer-fee-standards', '泸市自然资规函〔2024〕425号', true],
        ['medical-service-prices', '泸市医保规〔2024〕4号', true],
      ].sort(),
    );
    const lines = SEED_TEXT.split('\n');
    const medical = versions.find((v) => v.table.key === 'medical-service-prices')!;
    expect(lines[medical.lineFrom! - 1]).toContain('序号');
    const round = await db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: '2024Q4' },
      include: { websiteFindings: true, newMediaFindings: true },
    });
    expect(round.sourceIssueId).toBe(issue.id);
    for (const f of round.websiteFindings)
      expect(lines[f.line! - 1], f.description).toContain(f.description);
    // 附件2 prints no rectification column: unknown, not "not rectified".
    expect(round.newMediaFindings.every((f) => f.rectified === null)).toBe(true);
    const duties = await db.prisma.dutyAllocation.findMany({ include: { assignments: true } });
    expect(duties).toHaveLength(13);
    for (const d of duties)
      expect(lines[d.line! - 1]!.startsWith(`${d.seq}\t`), `序号${d.seq}`).toBe(true);
  });

  it('changes nothing on a second run and keeps an edit made in between', async () => {
    await db.prisma.policy.update({
      where: { docNo: '泸市府函〔2024〕270号' },
      data: { title: '管理员改过的标题' },
    });
    const count = async () => ({
      policies: await db.prisma.policy.count(),
      versions: await db.prisma.rateTableVersion.count(),
      entries: await db.prisma.rateEntry.count(),
      imports: await db.prisma.gazetteImport.count(),
      aliases: await db.prisma.organizationAlias.count(),
    });
    const before = await count();
    const report = await seedDatabase(db.prisma);
    expect(report).toEqual({ organizations: 0, aliases: 0, issues: [] });
    expect(await count()).toEqual(before);
    expect(
      (await db.prisma.policy.findUniqueOrThrow({ where: { docNo: '泸市府函〔2024〕270号' } }))
        .title,
    ).toBe('管理员改过的标题');
  });
});
