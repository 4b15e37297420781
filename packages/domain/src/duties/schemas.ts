import { z } from 'zod';

/** `dutiesForDepartment(name)`: a body's name or alias. */
export const ZDutiesQuery = z.object({
  department: z
    .string({ error: 'department 必须是字符串' })
    .trim()
    .min(1, { error: 'department 不能为空' })
    .max(100, { error: 'department 不能超过100个字符' }),
});
export type TDutiesQuery = z.infer<typeof ZDutiesQuery>;

/** Editing a row of the duty table in the admin. */
export const ZDutyArticleInput = z.object({
  seq: z
    .number({ error: 'seq 必须是整数' })
    .int({ error: 'seq 必须是整数' })
    .min(1, { error: 'seq 必须大于0' }),
  article: z
    .string({ error: 'article 必须是字符串' })
    .trim()
    .regex(/^第[一二三四五六七八九十百零]+条/u, {
      error: 'article 应为法律条款,如 第四十三条第二款',
    }),
  lawText: z.string({ error: 'lawText 必须是字符串' }).trim().min(1, { error: 'lawText 不能为空' }),
  duty: z.string({ error: 'duty 必须是字符串' }).trim().min(1, { error: 'duty 不能为空' }),
});
export type TDutyArticleInput = z.infer<typeof ZDutyArticleInput>;
