import { useCallback, useEffect, useMemo, useState } from 'react';
import { Title, useLocation, useNotify, usePermissions, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Grid,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type {
  ComplianceSummary,
  InspectionRound,
  NewMediaFinding,
  WebsiteFinding,
} from '../dataProvider/compliance.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { organizationRows } from './aggregate.ts';
import { previousQuarter, quartersEndingWith } from './quarters.ts';
import { Headline } from './Headline.tsx';
import { OrgTable, orgRowsForExport } from './OrgTable.tsx';
import { TrendChart } from './TrendChart.tsx';
import { AnnexImport } from './AnnexImport.tsx';
import { RoundDialog } from './RoundDialog.tsx';
import { RoundFigures } from './RoundFigures.tsx';
import { RepeatFindings } from './RepeatFindings.tsx';
import { Panel } from './Panel.tsx';
import { ErrorAlert, errorText } from '../shared/ErrorAlert.tsx';
import { downloadBlob, downloadText, toCsv } from '../shared/csv.ts';
import { toXlsx } from '../shared/xlsx.ts';
import { openingQuarter, quarterInAddress } from '../inspections/useLatestQuarter.ts';

/** Quarters newest first, each once. */
const newestFirst = (qs: string[]) => Array.from(new Set(qs)).sort().reverse();

/** The supervisors' home page: one quarter's compliance, its organisations and the trend. */
export function CompliancePage() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const [quarters, setQuarters] = useState<string[]>([]);
  // The quarter the address names, else the latest round's: undefined while that is read, null
  // when there is no round at all.
  // Read from the router, not once at mount: a link or the back button may name another quarter
  // while the page stays shown.
  const named = quarterInAddress(useLocation().search);
  const [quarter, setQuarter] = useState<string | null | undefined>(named ?? undefined);
  useEffect(() => {
    if (named) setQuarter(named);
  }, [named]);
  const [latestError, setLatestError] = useState<Error | null>(null);
  const [summary, setSummary] = useState<ComplianceSummary | null>(null);
  const [round, setRound] = useState<InspectionRound | null>(null);
  // 新建季度 (null) or 修改数据 of the shown quarter; closed when undefined.
  const [editing, setEditing] = useState<InspectionRound | null | undefined>(undefined);
  const [findings, setFindings] = useState<{
    website: WebsiteFinding[];
    newMedia: NewMediaFinding[];
  } | null>(null);
  const [trend, setTrend] = useState<(ComplianceSummary | null)[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [reload, setReload] = useState(0);
  // Annex import replaces a quarter's findings: administrators only, as the API enforces.
  const { permissions } = usePermissions<string | null>();
  const canImport = permissions === 'ADMIN';

  useEffect(() => {
    if (named) return;
    let live = true;
    openingQuarter(null, dataProvider).then(
      (latest) => live && setQuarter(latest),
      (e: unknown) => {
        if (!live) return;
        setLatestError(e instanceof Error ? e : new Error(String(e)));
        setQuarter(null);
      },
    );
    // An address naming a quarter meanwhile wins over the latest read late.
    return () => {
      live = false;
    };
  }, [named]);

  useEffect(() => {
    dataProvider
      .inspectedQuarters()
      .then((qs) => setQuarters(newestFirst(qs)))
      // The selector then offers the shown quarter only; the reason is said, not swallowed.
      .catch((e: unknown) => notify(errorText(e as Error, translate), { type: 'error' }));
  }, []);

  useEffect(() => {
    if (typeof quarter !== 'string') {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    // A quarter is shown (chosen, or the first one created): a failed read of the latest is past.
    setLatestError(null);
    let trendFailed: Error | null = null;
    (async () => {
      try {
        const [s, r] = await Promise.all([
          dataProvider.complianceSummary(quarter),
          dataProvider.inspectionRound(quarter),
        ]);
        if (!live) return;
        const [current, trendSummaries] = await Promise.all([
          dataProvider.quarterFindings(quarter),
          // A quarter without an inspection is a gap in the trend; a failed request is said.
          Promise.all(
            quartersEndingWith(quarter, 6).map((q) =>
              dataProvider.complianceSummary(q).catch((e: unknown) => {
                trendFailed = e as Error;
                return null;
              }),
            ),
          ),
        ]);
        if (!live) return;
        if (trendFailed) notify(errorText(trendFailed, translate), { type: 'error' });
        // Figures, per-organisation rows and trend appear together, never half-loaded.
        setSummary(s);
        setRound(r);
        setFindings(current);
        setTrend(trendSummaries);
      } catch (e) {
        if (live) setError(e as Error);
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [quarter, reload]);

  const rows = useMemo(
    () =>
      summary
        ? organizationRows(
            findings?.website ?? [],
            findings?.newMedia ?? [],
            summary.baseDataMissing.map((o) => o.name),
            summary.processDataMissing.map((o) => o.name),
          )
        : [],
    [summary, findings],
  );
  const trendQuarters = useMemo(() => (quarter ? quartersEndingWith(quarter, 6) : []), [quarter]);
  // The selector offers every inspected quarter and the shown one (an address may name another).
  const options = useMemo(
    () => (quarter ? newestFirst([...quarters, quarter]) : quarters),
    [quarters, quarter],
  );
  const trendSeries = useMemo(
    () => [
      {
        name: translate('dashboard.websitesWithIssues'),
        values: trend.map((t) => t?.websitesWithIssues ?? null),
      },
      {
        name: translate('dashboard.websiteIssues'),
        values: trend.map((t) => t?.websiteIssues ?? null),
      },
      {
        name: translate('dashboard.newMediaAccountsWithIssues'),
        values: trend.map((t) => t?.newMediaAccountsWithIssues ?? null),
      },
      {
        name: translate('dashboard.messagesReceived'),
        values: trend.map((t) => t?.messagesReceived ?? null),
        type: 'bar' as const,
      },
    ],
    [trend, translate],
  );
  const exportRows = useCallback(() => orgRowsForExport(rows, translate), [rows, translate]);

  return (
    <Box sx={{ mt: 1, mb: 4 }}>
      <Title title="app.menu.compliance" />
      <Stack
        direction="row"
        spacing={2}
        alignItems="center"
        sx={{ mb: 2 }}
        flexWrap="wrap"
        useFlexGap
      >
        <Typography variant="h5">{translate('dashboard.title')}</Typography>
        <TextField
          select
          size="small"
          label={translate('dashboard.quarter')}
          value={quarter ?? ''}
          onChange={(e) => setQuarter(e.target.value)}
          disabled={!quarter}
          sx={{ width: 180 }}
          inputProps={{ 'data-testid': 'quarter-select' }}
        >
          {options.map((q) => (
            <MenuItem key={q} value={q}>
              {translate('dashboard.quarterLabel', { year: q.slice(0, 4), q: q.slice(5) })}
            </MenuItem>
          ))}
        </TextField>
        {canImport && (
          <Button
            variant="contained"
            size="small"
            onClick={() => setEditing(null)}
            data-testid="round-create"
          >
            {translate('dashboard.round.create')}
          </Button>
        )}
        <Box flex={1} />
        <Button
          variant="outlined"
          size="small"
          disabled={!quarter || !rows.length}
          onClick={() => downloadText(`compliance-${quarter}.csv`, toCsv(exportRows()))}
          data-testid="export-csv"
        >
          {translate('dashboard.exportCsv')}
        </Button>
        <Button
          variant="outlined"
          size="small"
          disabled={!quarter || !rows.length}
          onClick={() =>
            downloadBlob(
              `compliance-${quarter}.xlsx`,
              new Blob([toXlsx(quarter ?? '', exportRows()) as BlobPart], {
                type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              }),
            )
          }
          data-testid="export-xlsx"
        >
          {translate('dashboard.exportXlsx')}
        </Button>
      </Stack>
      {quarter === undefined && (
        <Stack direction="row" spacing={1} alignItems="center" data-testid="latest-quarter-loading">
          <CircularProgress size={24} />
          <Typography variant="body2" color="text.secondary">
            {translate('dashboard.latestLoading')}
          </Typography>
        </Stack>
      )}
      {loading && <CircularProgress size={24} />}
      <ErrorAlert error={latestError ?? error} />
      {quarter === null && !latestError && (
        <Alert severity="info" data-testid="no-rounds">
          {translate('dashboard.noRounds')}
        </Alert>
      )}
      {quarter && !loading && !summary && !error && (
        <Alert severity="info">{translate('dashboard.noData', { quarter })}</Alert>
      )}
      {summary && <Headline summary={summary} />}
      {round && (
        <RoundFigures round={round} onEdit={canImport ? () => setEditing(round) : undefined} />
      )}
      {quarter && summary && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12 }}>
            <Panel title={translate('dashboard.byOrganization')} gutterBottom spaced={false}>
              <OrgTable rows={rows} />
            </Panel>
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <Panel title={translate('dashboard.trend')}>
              <TrendChart categories={trendQuarters} series={trendSeries} testId="trend-chart" />
            </Panel>
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <Panel
              title={translate('dashboard.repeatFindings', { previous: previousQuarter(quarter) })}
            >
              {/* A page at a time; read afresh for each quarter and after an import. */}
              <RepeatFindings key={`${quarter}-${reload}`} quarter={quarter} />
            </Panel>
            <Panel title={translate('dashboard.dataCollection')}>
              <Typography variant="body2">
                <strong>{translate('dashboard.baseDataMissing')}：</strong>
                {summary.baseDataMissing.map((o) => o.name).join('、') || '—'}
              </Typography>
              <Typography variant="body2" sx={{ mt: 1 }}>
                <strong>{translate('dashboard.processDataMissing')}：</strong>
                {summary.processDataMissing.map((o) => o.name).join('、') || '—'}
              </Typography>
            </Panel>
            {canImport && round && (
              <AnnexImport
                key={round.quarter}
                quarter={round.quarter}
                version={round.version}
                onDone={() => setReload((n) => n + 1)}
              />
            )}
          </Grid>
        </Grid>
      )}
      {canImport && (
        <RoundDialog
          open={editing !== undefined}
          round={editing ?? null}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setQuarters((qs) => newestFirst([...qs, saved.quarter]));
            setQuarter(saved.quarter);
            setReload((n) => n + 1);
          }}
        />
      )}
    </Box>
  );
}
