// What changed between two versions of a rate table, entry by entry (the dashboard's diff view).
import { stableJson, type diffVersions, type RateEntry as DomainEntry } from '@gazette/domain';
import { builder } from '../builder.ts';
import { diffRateVersions } from '../services/rates/diff-rate-versions.ts';
import { decimalOrNull, entryValueOutputFields } from './rate-entries.ts';

const RateEntryValue = builder.objectRef<DomainEntry>('RateEntryValue').implement({
  description: '条目在某一版本中的内容(不含 ID,用于比较版本)',
  fields: (t) => ({
    key: t.exposeString('key', { description: '条目的键(由维度取值组成)' }),
    ...entryValueOutputFields(t),
    rate: t.field({
      description: '比例(小数);按金额计价的条目为 null',
      type: 'Decimal',
      nullable: true,
      resolve: (e) => decimalOrNull(e.rate),
    }),
    baseKey: t.exposeString('baseKey', {
      description: '按比例计价时的基准条目的键',
      nullable: true,
    }),
    attributes: t.field({
      description: '其他属性',
      type: 'JSON',
      resolve: (e) => JSON.parse(stableJson(e.attributes)) as unknown,
    }),
  }),
});

type Diff = ReturnType<typeof diffVersions>;

const RateEntryChange = builder.objectRef<Diff['changed'][number]>('RateEntryChange').implement({
  description: '两个版本中键相同而内容不同的一个条目',
  fields: (t) => ({
    key: t.exposeString('key', { description: '条目的键' }),
    fields: t.exposeStringList('fields', { description: '不同的字段,如 amount、name' }),
    before: t.field({
      description: '旧版本中的条目',
      type: RateEntryValue,
      resolve: (c) => c.before,
    }),
    after: t.field({
      description: '新版本中的条目',
      type: RateEntryValue,
      resolve: (c) => c.after,
    }),
  }),
});

const RateVersionDiff = builder.objectRef<Diff>('RateVersionDiff').implement({
  description: '两个价格表版本的差异,按条目比较',
  fields: (t) => ({
    added: t.field({
      description: '新版本中新增的条目',
      type: [RateEntryValue],
      resolve: (d) => d.added,
    }),
    removed: t.field({
      description: '新版本中删去的条目',
      type: [RateEntryValue],
      resolve: (d) => d.removed,
    }),
    changed: t.field({
      description: '内容有变化的条目',
      type: [RateEntryChange],
      resolve: (d) => d.changed,
    }),
  }),
});

builder.queryField('rateVersionDiff', (t) =>
  t.field({
    description: '比较同一价格表的两个版本,逐条列出新增、删去与变化的条目',
    type: RateVersionDiff,
    args: {
      fromId: t.arg.id({ description: '旧版本的全局 ID', required: true }),
      toId: t.arg.id({ description: '新版本的全局 ID', required: true }),
    },
    resolve: (_root, args, ctx) => diffRateVersions(ctx, args.fromId, args.toId),
  }),
);
