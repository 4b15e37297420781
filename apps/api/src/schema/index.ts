// Imports every area file (each registers its types and root fields) and builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './scalars.ts';
import './policies.ts';
import './organizations.ts';
import './rates.ts';
import './quotes.ts';
import './inspections.ts';
import './duties.ts';
import './organization-aliases.ts';
import './rate-pages.ts';
import './inspection-pages.ts';
import './rate-diff.ts';
import './inspection-findings.ts';
import './compliance.ts';
import './inspection-annexes.ts';
import './auth.ts';
import './users.ts';
import './tokens.ts';
import './cases.ts';
import './audit.ts';
import './gazette-imports.ts';
import './search.ts';
import './changes.ts';
import './review-tasks.ts';
import './webhooks.ts';

builder.queryType({ description: '查询入口:规范性文件、价格表与计算、检查结果、裁量审查评估案件等' });
builder.mutationType({ description: '写操作入口(需登录并具有相应角色)' });
builder.subscriptionType({ description: '订阅入口(通过 SSE 推送)' });

export const schema = builder.toSchema();

/** The schema with types sorted, as printed into schema.graphql. */
export function sortedSchema() {
  return lexicographicSortSchema(schema);
}
