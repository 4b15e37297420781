import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import {
  Alert,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import {
  addDays,
  compareDates,
  diffVersions,
  formatDecimal,
  type DimensionDef,
  type RateVersionDiff,
} from '@gazette/domain';
import { describeEntry } from './matrix.ts';
import type { ApiRateVersion } from '../dataProvider/rateTables.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { toDomainEntry } from './toDomain.ts';
import { useFormatters } from '../shared/fields.tsx';
import { useErrorText } from '../shared/errorText.ts';

/**
 * The default "before" of a comparison: the published version in force the day before `b` starts
 * (what `b` replaces), else the latest published one starting before it, else any other version —
 * never `b` itself.
 */
export function baselineOf(versions: ApiRateVersion[], b: string): string {
  const target = versions.find((v) => v.id === b);
  const others = versions.filter((v) => v.id !== b);
  if (!target) return others[0]?.id ?? '';
  const dayBefore = addDays(target.effectiveFrom, -1);
  const published = others.filter(
    (v) => v.status === 'PUBLISHED' && compareDates(v.effectiveFrom, target.effectiveFrom) < 0,
  );
  const covering = published.find(
    (v) =>
      compareDates(v.effectiveFrom, dayBefore) <= 0 &&
      (!v.effectiveTo || compareDates(dayBefore, v.effectiveTo) <= 0),
  );
  const latest = [...published].sort((x, y) => compareDates(y.effectiveFrom, x.effectiveFrom))[0];
  return (
    covering?.id ??
    latest?.id ??
    others.find((v) => v.status === 'PUBLISHED')?.id ??
    others[0]?.id ??
    ''
  );
}

/** One side of the comparison: a version of the table, picked from all of them. */
function VersionSelect({
  label,
  versions,
  optionLabel,
  value,
  onChange,
  testId,
}: {
  label: string;
  versions: ApiRateVersion[];
  optionLabel: (v: ApiRateVersion) => string;
  value: string;
  onChange: (id: string) => void;
  testId: string;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 260 }}
      inputProps={{ 'data-testid': testId }}
    >
      {versions.map((v) => (
        <MenuItem key={v.id} value={v.id}>
          {optionLabel(v)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** What changed between two versions of a table, entry by entry (domain diffVersions). */
export function DiffView({
  versions,
  initialB,
  dimensions = [],
  valueField = 'amount',
}: {
  versions: ApiRateVersion[];
  initialB?: string;
  dimensions?: DimensionDef[];
  valueField?: 'amount' | 'rate';
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const notify = useNotify();
  const errorText = useErrorText();
  const fmt = useFormatters();
  const [b, setB] = useState(initialB ?? versions[0]?.id ?? '');
  const [a, setA] = useState(() => baselineOf(versions, b));
  const [diff, setDiff] = useState<RateVersionDiff | null>(null);
  useEffect(() => {
    if (!a || !b) return;
    let live = true;
    void Promise.all([dataProvider.getRateEntries(a), dataProvider.getRateEntries(b)]).then(
      ([ea, eb]) => {
        if (live)
          setDiff(
            diffVersions({ entries: ea.map(toDomainEntry) }, { entries: eb.map(toDomainEntry) }),
          );
      },
      (error: unknown) => {
        // A failed read says why (the API's message), never an empty comparison.
        if (live) notify(errorText(error), { type: 'error' });
      },
    );
    return () => {
      live = false;
    };
  }, [a, b]);
  const label = (v: ApiRateVersion) =>
    `${v.label ?? ''} ${fmt.date(v.effectiveFrom)}（${translate(`enums.RateVersionStatus.${v.status}`)}）`;
  const show = (d: { toString(): string } | null) => (d === null ? '—' : formatDecimal(d as never));
  // 单精子注射 · 三甲, never 311201079|TERTIARY_A.
  const entryName = (e: {
    key: string;
    name: string | null;
    code?: string | null;
    dimensions?: Record<string, string>;
  }) => describeEntry(dimensions, e);
  const fieldLabel = (f: string) =>
    f === 'rate' && valueField === 'rate'
      ? translate('rateMatrix.valueCoefficient')
      : translate(`resources.rateEntries.fields.${f}`);
  return (
    <div data-testid="diff-view">
      <Stack direction="row" spacing={2} sx={{ my: 1 }}>
        <VersionSelect
          label={translate('rates.diffFrom')}
          versions={versions}
          optionLabel={label}
          value={a}
          onChange={setA}
          testId="diff-from"
        />
        <VersionSelect
          label={translate('rates.diffTo')}
          versions={versions}
          optionLabel={label}
          value={b}
          onChange={setB}
          testId="diff-to"
        />
      </Stack>
      {diff && diff.added.length + diff.removed.length + diff.changed.length === 0 && (
        <Alert severity="info">{translate('rates.noDifferences')}</Alert>
      )}
      {diff && diff.added.length + diff.removed.length + diff.changed.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('rates.diffKind')}</TableCell>
              <TableCell>{translate('rateMatrix.diffEntry')}</TableCell>
              <TableCell>{translate('resources.rateEntries.fields.code')}</TableCell>
              <TableCell>{translate('rates.before')}</TableCell>
              <TableCell>{translate('rates.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {diff.changed.map((c) => (
              <TableRow key={c.key} data-testid={`diff-changed-${c.key}`}>
                <TableCell>
                  <Chip size="small" color="warning" label={translate('rates.changed')} />
                </TableCell>
                <TableCell data-testid={`diff-entry-${c.key}`}>{entryName(c.after)}</TableCell>
                <TableCell>{c.after.code}</TableCell>
                <TableCell>
                  {c.fields
                    .map(
                      (f) =>
                        `${fieldLabel(f)} ${f === 'amount' ? show(c.before.amount) : f === 'rate' ? show(c.before.rate) : ''}`,
                    )
                    .join('；')}
                </TableCell>
                <TableCell>
                  {c.fields
                    .map(
                      (f) =>
                        `${fieldLabel(f)} ${f === 'amount' ? show(c.after.amount) : f === 'rate' ? show(c.after.rate) : ''}`,
                    )
                    .join('；')}
                </TableCell>
              </TableRow>
            ))}
            {diff.added.map((e) => (
              <TableRow key={`+${e.key}`}>
                <TableCell>
                  <Chip size="small" color="success" label={translate('rates.added')} />
                </TableCell>
                <TableCell data-testid={`diff-entry-${e.key}`}>{entryName(e)}</TableCell>
                <TableCell>{e.code}</TableCell>
                <TableCell />
                <TableCell>{show(e.amount ?? e.rate)}</TableCell>
              </TableRow>
            ))}
            {diff.removed.map((e) => (
              <TableRow key={`-${e.key}`}>
                <TableCell>
                  <Chip size="small" color="error" label={translate('rates.removed')} />
                </TableCell>
                <TableCell data-testid={`diff-entry-${e.key}`}>{entryName(e)}</TableCell>
                <TableCell>{e.code}</TableCell>
                <TableCell>{show(e.amount ?? e.rate)}</TableCell>
                <TableCell />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
