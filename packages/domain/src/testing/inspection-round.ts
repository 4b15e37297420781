// Test fixture: a small copy of the 2024Q4 round of 泸市府室发〔2024〕34号 (the figures of its
// 一(一)–(三), and a few findings of its annexes, bodies by official name), for the domain's
// tests. Production code never imports this module: rounds live in the database.
import type { InspectionRound, NewMediaFinding, WebsiteFinding } from '../inspections/types.ts';

export const ECONOMY = '泸州市经济和信息化局';
export const WATER = '泸州市水务局';
export const CHANGKAI = '中国·四川泸州长江经济开发区';
export const CULTURE = '泸州市文化广电旅游局';
export const STATISTICS = '泸州市统计局';

export function websiteFinding(
  organizationId: string,
  description: string,
  siteSeq = 1,
  position = 0,
  rectified = false,
): WebsiteFinding {
  return {
    organizationId,
    siteSeq,
    siteName: `${organizationId}网站`,
    position,
    description,
    rectified,
    rectifiedOn: rectified ? '2024-12-10' : null,
  };
}

export function newMediaFinding(organizationId: string, seq: number, account: string, description: string): NewMediaFinding {
  return { organizationId, seq, account, platform: '微信', description, rectified: null, rectifiedOn: null };
}

/** The 2024Q4 round with part of its annexes; `patch` replaces any field. */
export function inspectionRoundFixture(patch: Partial<InspectionRound> = {}): InspectionRound {
  return {
    quarter: '2024Q4',
    policyDocNo: '泸市府室发〔2024〕34号',
    windowStart: '2024-10-01',
    windowEnd: '2024-12-01',
    // 一(一): 1个市政府门户网站、7个区县政府门户网站、38个市级部门网站.
    cityPortalsChecked: 1,
    districtPortalsChecked: 7,
    departmentSitesChecked: 38,
    // 一(二): 7个区县、6个园区、31个市级有关部门正在运行的208个政务新媒体账号.
    newMediaAccountsChecked: 208,
    newMediaDistricts: 7,
    newMediaParks: 6,
    newMediaDepartments: 31,
    // 一(三): 有效留言3条,办结3条.
    messagesReceived: 3,
    messagesClosed: 3,
    messagesOverdue: 0,
    websiteFindings: [
      websiteFinding(CHANGKAI, '《问卷调查》没有调查结果', 1, 0, true),
      // 附件1 序号3: one cell, two findings.
      websiteFinding(ECONOMY, '《区县动态》超期未更新', 3, 0, true),
      websiteFinding(ECONOMY, '《重要文件通知》超期未更新', 3, 1, true),
    ],
    newMediaFindings: [newMediaFinding(WATER, 5, '泸州水务发布', '严重表述错误')],
    dataGaps: [
      { organizationId: ECONOMY, kind: 'BASE', dataYear: 2023, position: 0 },
      { organizationId: CULTURE, kind: 'BASE', dataYear: 2023, position: 1 },
      { organizationId: STATISTICS, kind: 'BASE', dataYear: 2023, position: 2 },
      { organizationId: ECONOMY, kind: 'PROCESS', dataYear: 2024, position: 0 },
      { organizationId: WATER, kind: 'PROCESS', dataYear: 2024, position: 1 },
    ],
    adoptions: [{ organizationId: CHANGKAI, rating: 'ZERO', position: 0 }],
    ...patch,
  };
}
