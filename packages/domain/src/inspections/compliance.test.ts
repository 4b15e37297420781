import { describe, expect, it } from 'vitest';
import {
  CHANGKAI,
  CULTURE,
  ECONOMY,
  STATISTICS,
  WATER,
  inspectionRoundFixture,
  newMediaFinding,
  websiteFinding,
} from '../../test/fixtures/inspection-round.ts';
import { complianceSummary } from './compliance-summary.ts';
import { organizationCompliance } from './organization-compliance.ts';
import { rectificationProgress } from './rectification-progress.ts';

const ROUND = inspectionRoundFixture();

describe('complianceSummary (泸市府室发〔2024〕34号)', () => {
  const s = complianceSummary(ROUND);

  it('has exactly the contract fields', () => {
    expect(Object.keys(s).sort()).toEqual(
      [
        'quarter',
        'websitesChecked',
        'websitesWithIssues',
        'websiteIssues',
        'websiteIssuesRectified',
        'newMediaAccountsChecked',
        'newMediaAccountsWithIssues',
        'messagesReceived',
        'messagesClosed',
        'baseDataMissing',
        'processDataMissing',
      ].sort(),
    );
  });

  it('counts the websites checked as city portal + district portals + department sites (1 + 7 + 38)', () => {
    expect(s.websitesChecked).toBe(46);
  });

  it('counts sites with issues by 序号 and every finding of a cell as an issue', () => {
    expect(s).toMatchObject({
      quarter: '2024Q4',
      websitesWithIssues: 2,
      websiteIssues: 3,
      websiteIssuesRectified: 3,
    });
  });

  it('counts accounts with issues by 序号 and copies the message figures', () => {
    const two = inspectionRoundFixture({
      newMediaFindings: [
        newMediaFinding(WATER, 5, '泸州水务发布', '严重表述错误'),
        newMediaFinding(WATER, 5, '泸州水务发布', '错别字'),
        newMediaFinding(CHANGKAI, 6, 'x', 'y'),
      ],
    });
    expect(complianceSummary(two)).toMatchObject({
      newMediaAccountsChecked: 208,
      newMediaAccountsWithIssues: 2,
      messagesReceived: 3,
      messagesClosed: 3,
    });
  });

  it('lists the bodies behind on base and process data in printed order, whatever order the rows come in', () => {
    const shuffled = inspectionRoundFixture({ dataGaps: [...ROUND.dataGaps].reverse() });
    expect(complianceSummary(shuffled).baseDataMissing).toEqual([ECONOMY, CULTURE, STATISTICS]);
    expect(complianceSummary(shuffled).processDataMissing).toEqual([ECONOMY, WATER]);
  });
});

describe('organizationCompliance', () => {
  it('gives a body its website issues in site and position order, and both data gaps', () => {
    const swapped = inspectionRoundFixture({
      websiteFindings: [...ROUND.websiteFindings].reverse(),
    });
    const c = organizationCompliance(swapped, ECONOMY);
    expect(c.websiteIssues.map((f) => [f.description, f.rectified])).toEqual([
      ['《区县动态》超期未更新', true],
      ['《重要文件通知》超期未更新', true],
    ]);
    expect(c.newMediaIssues).toEqual([]);
    expect([c.baseDataMissing, c.processDataMissing]).toEqual([true, true]);
  });

  it('gives a body its new-media issue and process data only', () => {
    const c = organizationCompliance(ROUND, WATER);
    expect(c.websiteIssues).toEqual([]);
    expect(c.newMediaIssues.map((f) => [f.account, f.description])).toEqual([
      ['泸州水务发布', '严重表述错误'],
    ]);
    expect([c.baseDataMissing, c.processDataMissing]).toEqual([false, true]);
  });

  it('gives a body its adoption rating', () => {
    expect(organizationCompliance(ROUND, CHANGKAI).adoption).toBe('ZERO');
  });

  it('is empty for a body with no findings', () => {
    expect(organizationCompliance(ROUND, '泸州市司法局')).toMatchObject({
      quarter: '2024Q4',
      websiteIssues: [],
      newMediaIssues: [],
      baseDataMissing: false,
      processDataMissing: false,
      adoption: null,
    });
  });
});

describe('rectificationProgress', () => {
  it('counts website and new-media findings together and apart; an unknown rectification is not done', () => {
    const round = inspectionRoundFixture({
      websiteFindings: [
        ...ROUND.websiteFindings,
        websiteFinding(CULTURE, '《部门信箱》要素不齐', 7),
      ],
    });
    expect(rectificationProgress(round)).toEqual({
      quarter: '2024Q4',
      total: 5,
      rectified: 3,
      outstanding: 2,
      ratio: 3 / 5,
      website: { total: 4, rectified: 3 },
      newMedia: { total: 1, rectified: 0 },
    });
  });

  it('is complete when there is nothing to rectify', () => {
    const empty = inspectionRoundFixture({ websiteFindings: [], newMediaFindings: [] });
    expect(rectificationProgress(empty)).toMatchObject({ total: 0, outstanding: 0, ratio: 1 });
  });
});
