// Imports every area file (each registers its types and root fields) and builds the schema.
import { GraphQLObjectType, lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './scalars.ts';
import './policies.ts';
import './organizations.ts';
import './rates.ts';
import './quotes.ts';
import './inspections.ts';
import './inspection-round-writes.ts';
import './duties.ts';
import './organization-aliases.ts';
import './rate-pages.ts';
import './inspection-pages.ts';
import './rate-diff.ts';
import './inspection-findings.ts';
import './compliance.ts';
import './repeat-findings.ts';
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
import './review-task-writes.ts';
import './webhooks.ts';
import './webhook-secret-rotation.ts';

builder.queryType({
  description: '查询入口:规范性文件、价格表与计算、检查结果、裁量审查评估案件等',
});
builder.mutationType({ description: '写操作入口(需登录并具有相应角色)' });
builder.subscriptionType({ description: '订阅入口(通过 SSE 推送)' });

export const schema = builder.toSchema();

// Pothos' Prisma plugin adds `totalCount` to counted connections with no option for a
// description: describe it here, once the schema is built (descriptions only, no behaviour).
for (const type of Object.values(schema.getTypeMap())) {
  if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
  const field = type.getFields().totalCount;
  if (field && !field.description && field.extensions.pothosPrismaTotalCount) {
    field.description =
      '符合筛选条件的总条数,只在选择此字段时计算(个别列表在数据量大时为估计值,见该列表字段的说明)';
  }
}

/** The schema with types sorted, as printed into schema.graphql. */
export function sortedSchema() {
  return lexicographicSortSchema(schema);
}
