// What changed between two versions of a rate table, entry by entry (the dashboard's diff view).
import { formatDecimal, stableJson, type diffVersions, type RateEntry as DomainEntry } from '@gazette/domain';
import { builder } from '../builder.ts';
import { diffRateVersions } from '../services/rates/diff-rate-versions.ts';

const RateEntryValue = builder.objectRef<DomainEntry>('RateEntryValue').implement({
  description: 'An entry as it is in one version (no id: for comparing versions).',
  fields: (t) => ({
    key: t.exposeString('key'),
    code: t.exposeString('code', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    amount: t.field({ type: 'Decimal', nullable: true, resolve: (e) => (e.amount ? formatDecimal(e.amount) : null) }),
    rate: t.field({ type: 'Decimal', nullable: true, resolve: (e) => (e.rate ? formatDecimal(e.rate) : null) }),
    baseKey: t.exposeString('baseKey', { nullable: true }),
    attributes: t.field({ type: 'JSON', resolve: (e) => JSON.parse(stableJson(e.attributes)) as unknown }),
  }),
});

type Diff = ReturnType<typeof diffVersions>;

const RateEntryChange = builder.objectRef<Diff['changed'][number]>('RateEntryChange').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    fields: t.exposeStringList('fields'),
    before: t.field({ type: RateEntryValue, resolve: (c) => c.before }),
    after: t.field({ type: RateEntryValue, resolve: (c) => c.after }),
  }),
});

const RateVersionDiff = builder.objectRef<Diff>('RateVersionDiff').implement({
  fields: (t) => ({
    added: t.field({ type: [RateEntryValue], resolve: (d) => d.added }),
    removed: t.field({ type: [RateEntryValue], resolve: (d) => d.removed }),
    changed: t.field({ type: [RateEntryChange], resolve: (d) => d.changed }),
  }),
});

builder.queryField('rateVersionDiff', (t) =>
  t.field({
    type: RateVersionDiff,
    args: { fromId: t.arg.id({ required: true }), toId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => diffRateVersions(ctx, args.fromId, args.toId),
  }),
);
