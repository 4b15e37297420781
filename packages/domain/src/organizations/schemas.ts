import { z } from 'zod';

export const ZOrganizationType = z.enum(
  ['CITY_GOVERNMENT', 'DISTRICT_COUNTY', 'PARK', 'DEPARTMENT', 'STATE_AGENCY', 'OTHER'],
  {
    error: 'type 必须是 CITY_GOVERNMENT、DISTRICT_COUNTY、PARK、DEPARTMENT、STATE_AGENCY 或 OTHER',
  },
);

/** A body's name as typed by a user or printed in the gazette (resolved through aliases). */
export const ZOrganizationName = z
  .string({ error: 'name 必须是字符串' })
  .trim()
  .min(1, { error: 'name 不能为空' })
  .max(100, { error: 'name 不能超过100个字符' });

/** Creating or editing a body in the admin. */
export const ZOrganizationInput = z.object({
  name: z
    .string({ error: 'name 必须是字符串' })
    .trim()
    .min(2, { error: 'name 至少2个字符' })
    .max(100, { error: 'name 不能超过100个字符' }),
  shortName: z
    .string({ error: 'shortName 必须是字符串' })
    .trim()
    .max(50, { error: 'shortName 不能超过50个字符' })
    .nullish(),
  type: ZOrganizationType,
  aliases: z
    .array(
      z
        .string({ error: 'aliases 的每一项必须是字符串' })
        .trim()
        .min(2, { error: 'aliases 的每一项至少2个字符' })
        .max(100, { error: 'aliases 的每一项不能超过100个字符' }),
      { error: 'aliases 必须是字符串数组' },
    )
    .max(50, { error: 'aliases 最多50个' })
    .default([]),
});
export type TOrganizationInput = z.infer<typeof ZOrganizationInput>;
