import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOISE_DUTY_ARTICLES, NOISE_DUTIES_POLICY_DOC_NO } from '../duties/noise-duties.ts';
import { ISSUE_2024_12_POLICIES } from './issue-2024-12.ts';

// The gazette reader's seed (prisma/seed/2024-12) must reproduce the reviewed registry.
const read = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../prisma/seed/2024-12/${file}`, import.meta.url), 'utf8'),
  );

describe('the reader seed of issue 2024-12', () => {
  it('reproduces the nine reviewed documents field for field', () => {
    expect(read('policies.json').policies).toEqual(ISSUE_2024_12_POLICIES);
  });
  it('reproduces the 13 rows of the noise-law duty table', () => {
    const file = read('noise-duties.json');
    expect(file.policyDocNo).toBe(NOISE_DUTIES_POLICY_DOC_NO);
    expect(file.duties).toEqual(
      NOISE_DUTY_ARTICLES.map(({ seq, article, lawText, duty }) => ({
        seq,
        article,
        lawText,
        duty,
      })),
    );
  });
});
