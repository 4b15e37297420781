import { describe, expect, it } from 'vitest';
import { reading } from './testing/issue.ts';
import { seedJson, toSeedFiles } from './to-seed.ts';

describe('toSeedFiles (until the database imports issues itself)', () => {
  const files = toSeedFiles(reading(), 'luzhou-2024-12.md');
  const json = (name: string) => seedJson(files.get(name));

  it('writes the six files the seed loader reads', () => {
    expect([...files.keys()]).toEqual([
      'policies.json',
      'noise-duties.json',
      'inspection-2024Q4.json',
      'land-transfer-fees.json',
      'medical-service-prices.json',
      'problems.json',
    ]);
  });

  it('writes amounts and rates as decimal strings, never as numbers', () => {
    const text = json('medical-service-prices.json') + json('land-transfer-fees.json');
    expect(text).not.toMatch(/"(?:amount|TERTIARY_A|BELOW_SECONDARY_B|rate)": \d/u);
  });

  it('writes dates as YYYY-MM-DD and keeps text, articles and line positions out of policies.json', () => {
    const policies = JSON.parse(json('policies.json')) as { policies: { signedOn: string }[] };
    expect(policies.policies.every((p) => /^\d{4}-\d{2}-\d{2}$/u.test(p.signedOn))).toBe(true);
    expect(json('policies.json')).not.toMatch(/"(?:line|startLine|endLine|text|articles)"/u);
  });
});
