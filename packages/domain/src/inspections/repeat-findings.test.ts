import { describe, expect, it } from 'vitest';
import { inspectionRoundFixture } from '../../test/fixtures/inspection-round.ts';
import {
  compactFinding,
  findingKeys,
  compareRepeatFindings,
  FINDING_WHITESPACE_CLASS,
  repeatFindings,
  splitFinding,
} from './repeat-findings.ts';
import type { InspectionRound, WebsiteFinding } from './types.ts';

const ROUND_2024Q4 = inspectionRoundFixture();

const site = (organizationId: string, description: string, siteSeq = 1): WebsiteFinding => ({
  organizationId,
  siteSeq,
  siteName: `${organizationId}网站`,
  position: 0,
  description,
  rectified: false,
  rectifiedOn: null,
});

const round = (
  quarter: string,
  websiteFindings: WebsiteFinding[],
  account?: string,
): InspectionRound =>
  inspectionRoundFixture({
    quarter,
    websiteFindings,
    newMediaFindings: account
      ? [
          {
            organizationId: '泸州市水务局',
            seq: 1,
            account,
            platform: '微信',
            description: '严重表述错误',
            rectified: false,
            rectifiedOn: null,
          },
        ]
      : [],
  });

describe('splitFinding', () => {
  it('separates the column from the issue', () => {
    expect(splitFinding('《部门信箱》超期未更新')).toEqual({
      subject: '《部门信箱》',
      issue: '超期未更新',
    });
  });
  it('keeps a description without a column as the issue', () => {
    expect(splitFinding('严重表述错误')).toEqual({ subject: '', issue: '严重表述错误' });
  });
});

describe('findingKeys', () => {
  it('keys a website finding by its compacted column and issue', () => {
    expect(
      findingKeys({ channel: 'WEBSITE', description: ' 《部门\u3000信箱》\n超期 未更新' }),
    ).toEqual({
      subjectKey: '《部门信箱》',
      issueKey: '超期未更新',
    });
    expect(findingKeys({ channel: 'WEBSITE', description: '错别字 ' })).toEqual({
      subjectKey: '',
      issueKey: '错别字',
    });
  });
  it('keys a new-media finding by its compacted account and description', () => {
    expect(
      findingKeys({
        channel: 'NEW_MEDIA',
        account: '泸州\u00a0发布',
        description: '《栏目》 未更新',
      }),
    ).toEqual({ subjectKey: '泸州发布', issueKey: '《栏目》未更新' });
  });
});

describe('repeatFindings', () => {
  const A = '泸州市民政局';
  it('finds the same column and issue in consecutive quarters, given in any order', () => {
    const r = repeatFindings([
      round('2025Q1', [site(A, '《部门信箱》要素不齐')]),
      round('2024Q4', [site(A, '《部门信箱》要素不齐')]),
    ]);
    expect(r).toEqual([
      {
        organizationId: A,
        channel: 'WEBSITE',
        subject: '《部门信箱》',
        issue: '要素不齐',
        quarters: ['2024Q4', '2025Q1'],
      },
    ]);
  });
  it('does not count a gap of a quarter as a repeat', () => {
    expect(
      repeatFindings([
        round('2024Q2', [site(A, '《部门信箱》要素不齐')]),
        round('2024Q4', [site(A, '《部门信箱》要素不齐')]),
      ]),
    ).toEqual([]);
  });
  it('does not match another body or another column', () => {
    expect(
      repeatFindings([
        round('2024Q3', [site(A, '《部门信箱》要素不齐')]),
        round('2024Q4', [
          site('泸州市审计局', '《部门信箱》要素不齐'),
          site(A, '《政策文件》要素不齐'),
        ]),
      ]),
    ).toEqual([]);
  });
  it('requires the same issue unless matchIssue is false', () => {
    const rounds = [
      round('2024Q3', [site(A, '《部门信箱》超期未回复')]),
      round('2024Q4', [site(A, '《部门信箱》要素不齐')]),
    ];
    expect(repeatFindings(rounds)).toEqual([]);
    expect(repeatFindings(rounds, { matchIssue: false })).toMatchObject([
      { subject: '《部门信箱》', quarters: ['2024Q3', '2024Q4'] },
    ]);
  });
  it('extends a run over three quarters and restarts after a break', () => {
    const f = () => [site(A, '《部门信箱》要素不齐')];
    const r = repeatFindings([
      round('2024Q1', f()),
      round('2024Q2', f()),
      round('2024Q3', f()),
      round('2024Q4', []),
      round('2025Q1', f()),
      round('2025Q2', f()),
    ]);
    expect(r.map((x) => x.quarters)).toEqual([
      ['2024Q1', '2024Q2', '2024Q3'],
      ['2025Q1', '2025Q2'],
    ]);
  });
  it('finds a repeated new-media account', () => {
    const r = repeatFindings([
      round('2024Q4', [], '泸州水务发布'),
      round('2025Q1', [], '泸州水务 发布'),
    ]);
    expect(r).toMatchObject([
      { channel: 'NEW_MEDIA', subject: '泸州水务发布', organizationId: '泸州市水务局' },
    ]);
  });
  it('counts two findings of one body in one quarter once', () => {
    const twice = [site(A, '《部门信箱》要素不齐', 1), site(A, '《部门信箱》要素不齐', 2)];
    expect(repeatFindings([round('2024Q3', twice), round('2024Q4', twice)])).toHaveLength(1);
  });
  it('finds nothing in a single round', () => {
    expect(repeatFindings([ROUND_2024Q4])).toEqual([]);
  });
  it('rejects two rounds of one quarter and a bad quarter', () => {
    expect(() => repeatFindings([ROUND_2024Q4, ROUND_2024Q4])).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'rounds' }),
    );
    expect(() => repeatFindings([{ ...ROUND_2024Q4, quarter: '2024-4' }])).toThrowError(
      expect.objectContaining({ field: 'rounds[0].quarter' }),
    );
  });
});

describe('FINDING_WHITESPACE_CLASS (the rule the API applies in SQL)', () => {
  it('removes exactly the characters JavaScript calls whitespace', () => {
    const spelled = new RegExp(`^[${FINDING_WHITESPACE_CLASS}]$`, 'u');
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      if (/^\s$/u.test(ch) !== spelled.test(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    expect(compactFinding(' 《通知\u3000公告》\n超期\u00a0未更新 ')).toBe('《通知公告》超期未更新');
  });
});

describe('compareRepeatFindings', () => {
  const run = (over: Partial<Parameters<typeof compareRepeatFindings>[0]>) => ({
    organizationId: 'a',
    channel: 'WEBSITE' as const,
    subject: '《栏目》',
    issue: '超期未更新',
    quarters: ['2024Q3', '2024Q4'],
    ...over,
  });
  it('orders by first quarter, body and subject, then channel and issue, so any order of runs sorts the same', () => {
    const runs = [
      run({ issue: '内容错误' }),
      run({ channel: 'NEW_MEDIA' }),
      run({ subject: '《工作动态》' }),
      run({ organizationId: 'b', quarters: ['2024Q2', '2024Q3'] }),
      run({}),
    ];
    const sorted = [...runs].sort(compareRepeatFindings);
    expect([...runs].reverse().sort(compareRepeatFindings)).toEqual(sorted);
    expect(sorted[0]!.organizationId).toBe('b');
    const sameSubject = sorted.filter((r) => r.organizationId === 'a' && r.subject === '《栏目》');
    expect(sameSubject.map((r) => r.channel)).toEqual(['NEW_MEDIA', 'WEBSITE', 'WEBSITE']);
  });
});
