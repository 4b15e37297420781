// Small helpers shared by the area files.
import {
  formatQuarter,
  fromUtcMidnight,
  parseQuarter,
  todayInShanghai,
  toUtcMidnight,
  type PlainDate,
} from '@gazette/domain';
import type { ArgBuilder } from '@pothos/core';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { authScopesFor } from '../auth/roles.ts';

/** `asOf` omitted means today in Asia/Shanghai (contract README, "Scalars"). */
export function asOfOrToday(asOf: PlainDate | null | undefined): PlainDate {
  return asOf ?? todayInShanghai();
}

/** A quarter argument as stored: 2024q4 → 2024Q4; anything else BAD_USER_INPUT. */
export const quarterOf = (text: string) => formatQuarter(parseQuarter(text, 'quarter'));

export function dbDate(date: PlainDate): Date {
  return toUtcMidnight(date);
}

export function plain(date: Date): PlainDate;
export function plain(date: Date | null): PlainDate | null;
export function plain(date: Date | null): PlainDate | null {
  return date ? fromUtcMidnight(date) : null;
}

export const SortDirection = builder.enumType('SortDirection', {
  description: '排序方向',
  values: { ASC: { description: '升序' }, DESC: { description: '降序' } } as const,
});

/** Sorting for page-shaped list fields (react-admin's `sort: { field, order }`). */
export const SortInput = builder.inputType('SortInput', {
  description: '分页列表的排序(react-admin 的 sort)',
  fields: (t) => ({
    field: t.string({ required: true, description: '排序字段名,须是该列表允许的字段之一' }),
    order: t.field({ type: SortDirection, required: true, description: '排序方向' }),
  }),
});

export function direction(order: 'ASC' | 'DESC' | null | undefined): 'asc' | 'desc' {
  return order === 'DESC' ? 'desc' : 'asc';
}

/** Draft rate versions are not published: only callers with the viewer scope see them. */
export function seesDrafts(ctx: Pick<GazetteContext, 'viewer'>): boolean {
  return authScopesFor(ctx.viewer).viewer;
}

/**
 * Text for a Prisma `contains`/`startsWith` filter: `%`, `_` and `\` are matched as themselves,
 * never as LIKE wildcards (a search for `_` must not match everything).
 */
export function likeText(text: string): string {
  return text.replace(/[\\%_]/gu, (c) => `\\${c}`);
}

/** Answers null without a query; spreading marks Pothos' selection as used. */
export function noRow(query: object): null {
  void { ...query };
  return null;
}

/** The builder's Pothos types, for helpers that take a field or argument builder. */
export type BuilderTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `id` and `version` every conflict-checked update or delete takes, described for `noun`. */
export function idVersionArgs(arg: ArgBuilder<BuilderTypes>, noun: string) {
  return {
    id: arg.id({ description: `${noun}的全局 ID`, required: true }),
    version: arg.int({ description: `${noun}当前的版本号`, required: true }),
  };
}

/** The `rectified` filter of a round's finding lists. */
export function rectifiedFilterArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    rectified: arg.boolean({
      description: '只看已整改(true)或未整改(false)的问题',
      required: false,
    }),
  };
}
