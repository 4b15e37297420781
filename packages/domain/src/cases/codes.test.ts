import { describe, expect, it } from 'vitest';
import {
  CASE_DECISIONS,
  CASE_DECISION_INFO,
  CASE_EVENT_INFO,
  CASE_EVENT_TYPES,
  CASE_STATES,
  CASE_STATE_INFO,
  CASE_TRIGGERS,
  CASE_TRIGGER_INFO,
  NOTICE_KINDS,
  NOTICE_KIND_INFO,
  REVIEW_CONDITIONS,
  REVIEW_CONDITION_INFO,
  REVIEW_EXCLUSIONS,
  REVIEW_EXCLUSION_INFO,
  REVIEW_MODES,
  REVIEW_MODE_INFO,
  TERMINATION_REASONS,
  TERMINATION_REASON_INFO,
  isLenientDecision,
} from './codes.ts';

const ITEMS = ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)'];

describe('codes follow the items of 泸市监规发〔2024〕2号 in order', () => {
  it.each([
    ['第四条', REVIEW_CONDITIONS, REVIEW_CONDITION_INFO],
    ['第五条', REVIEW_EXCLUSIONS, REVIEW_EXCLUSION_INFO],
    ['第六条', CASE_TRIGGERS, CASE_TRIGGER_INFO],
    ['第七条', REVIEW_MODES, REVIEW_MODE_INFO],
    ['第十五条', TERMINATION_REASONS, TERMINATION_REASON_INFO],
  ] as const)('%s: one code per item', (article, codes, info) => {
    const articles = codes.map((c) => (info as Record<string, { article: string }>)[c]!.article);
    expect(articles).toEqual(codes.map((_, i) => `${article}${ITEMS[i]}`));
  });

  it('has 4 conditions, 9 exclusions, 4 triggers, 2 modes and 5 termination reasons', () => {
    expect([
      REVIEW_CONDITIONS.length,
      REVIEW_EXCLUSIONS.length,
      CASE_TRIGGERS.length,
      REVIEW_MODES.length,
      TERMINATION_REASONS.length,
    ]).toEqual([4, 9, 4, 2, 5]);
  });

  it('gives every code a Chinese label', () => {
    const all = [
      ...CASE_STATES.map((c) => CASE_STATE_INFO[c]),
      ...CASE_EVENT_TYPES.map((c) => CASE_EVENT_INFO[c]),
      ...CASE_DECISIONS.map((c) => CASE_DECISION_INFO[c]),
      ...NOTICE_KINDS.map((c) => NOTICE_KIND_INFO[c]),
    ];
    for (const info of all) expect(info.label).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('labels 三书一函 and the exclusion of 第五条(八) as the gazette does', () => {
    expect(CASE_TRIGGER_INFO.OVERSIGHT_RECOMMENDATION.label).toContain('三书一函');
    expect(REVIEW_EXCLUSION_INFO.CRIMINAL_REFERRAL.label).toBe('涉嫌犯罪应移送司法机关');
  });
});

describe('isLenientDecision (第十八条)', () => {
  it('is true for 不予处罚、从轻处罚、减轻处罚 only', () => {
    expect(CASE_DECISIONS.filter(isLenientDecision)).toEqual([
      'NO_PENALTY',
      'LIGHTER',
      'MITIGATED',
    ]);
    expect(
      CASE_DECISIONS.filter(isLenientDecision).map((d) => CASE_DECISION_INFO[d].label),
    ).toEqual(['不予处罚', '从轻处罚', '减轻处罚']);
  });
});
