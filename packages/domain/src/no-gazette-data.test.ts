// The database is the one source of the gazette's data: production code of the domain, the API
// and the dashboard holds rules, enums and labels only. This test fails, naming the file, the
// line and the figure, when one of the gazette's distinctive figures or names appears in their
// non-test source. Test files and the domain's test fixtures (test/fixtures/) may use them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ISSUE = path.join(ROOT, 'prisma/issues/2024-12.md');
const SOURCES = ['packages/domain/src', 'apps/api/src', 'apps/admin/src'];

/**
 * Figures and names printed in 泸州市人民政府公报 2024年第12期 that no rule, enum or label needs,
 * and that are unlikely to occur by chance: medical prices and caps (泸市医保规〔2024〕4号 附件),
 * a land standard (泸市自然资规函〔2024〕425号 附件), rehabilitation caps (泸市府规〔2024〕4号
 * 二(二)), the accounts and website columns of the 2024Q4 inspection (泸市府室发〔2024〕34号
 * 附件1、2) and titles of other documents of the issue.
 */
const FIGURES = [
  // 单精子注射 caps per grade, and prices of the annex
  '4223',
  '3873',
  '3519',
  '3170',
  '2815',
  '1769',
  '1621',
  '1474',
  '1327',
  '1179',
  '2959',
  '2713',
  '2466',
  '2219',
  '1167',
  '1358',
  '1245',
  '1132',
  '1858',
  '1689',
  '1351',
  '1159',
  '1063',
  '2667',
  '2444',
  '1778',
  // 商服用地 I 级 临街且平街一层
  '1425',
  // 康复救助 caps as printed
  '不超过3万元',
  '不超过2万元',
  '0.5万元',
  '6万元',
  // 2024Q4 新媒体 accounts and 网站 columns
  '文旅泸州',
  '泸州农业',
  '法治泸县',
  '平安江阳',
  '平安合江',
  '泸州水务发布',
  '泸州退役军人',
  '《部门信箱》',
  '《区县动态》',
  '《重要文件通知》',
  '《问卷调查》',
  '《重大民生栏目》',
  // other documents of the issue
  '国土空间总体规划',
  '泸州仲裁委员会组成人员',
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'generated' || entry.name === 'testing')
        continue;
      out.push(...sourceFiles(full));
    } else if (/\.tsx?$/u.test(entry.name) && !/\.test\.tsx?$/u.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** Where a figure occurs as a whole: a number not inside a longer number. */
function pattern(figure: string): RegExp {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return /^\d/u.test(figure)
    ? new RegExp(`(?<![\\d.])${escaped}(?![\\d])`, 'u')
    : new RegExp(escaped, 'u');
}

const FILES = SOURCES.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

describe('no gazette data in production source', () => {
  it('checks figures the issue prints', () => {
    const issue = readFileSync(ISSUE, 'utf8');
    expect(FIGURES.filter((f) => !pattern(f).test(issue))).toEqual([]);
  });

  it('reads the source of the domain, the API and the dashboard', () => {
    for (const dir of SOURCES)
      expect(
        FILES.some((f) => f.startsWith(path.join(ROOT, dir) + path.sep)),
        dir,
      ).toBe(true);
  });

  it('finds none of them in non-test .ts/.tsx files', () => {
    const found: string[] = [];
    for (const file of FILES) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const figure of FIGURES) {
          if (pattern(figure).test(line))
            found.push(`${path.relative(ROOT, file)}:${i + 1}: ${figure}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('keeps the domain test fixtures out of production code', () => {
    const domain = path.join(ROOT, 'packages/domain/src') + path.sep;
    const importsTesting = /(?:\bfrom|\bimport)\s*\(?\s*['"][^'"]*\/(?:testing|test\/fixtures)\//u;
    const readers = FILES.filter(
      (f) => f.startsWith(domain) && importsTesting.test(readFileSync(f, 'utf8')),
    );
    expect(readers.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
