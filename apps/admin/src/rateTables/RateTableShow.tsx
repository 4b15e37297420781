import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  Show,
  useCanAccess,
  useLocation,
  useNavigate,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  Tab,
  Tabs,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { addDays, compareDates, type DimensionDef } from '@gazette/domain';
import type { ApiRateVersion } from '../dataProvider/rateTables.ts';
import type { RateTableRecord } from '../dataProvider/resources.ts';
import { EntriesGrid } from './EntriesGrid.tsx';
import { XlsxTools } from './XlsxTools.tsx';
import { matrixLayout, valueFieldOf } from './matrix.ts';
import { NewVersionDialog } from './NewVersionDialog.tsx';
import { DiffView } from './DiffView.tsx';
import { CsvImport } from './CsvImport.tsx';
import { downloadBlob } from '../shared/csv.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { useFormatters } from '../shared/fields.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useErrorText } from '../shared/errorText.ts';
import { useRateEntries, useRateVersions, useVersionWrites } from './useRateTableData.ts';
import { today } from '../shared/today.ts';

// The spreadsheet grid is loaded when a matrix is first shown.
const RateMatrix = lazy(() => import('./RateMatrix.tsx').then((m) => ({ default: m.RateMatrix })));

type TableRecord = RateTableRecord;

/** Yes/no before an irreversible step. */
function ConfirmDialog({
  open,
  title,
  children,
  onConfirm,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid={`${testId}-cancel`}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={onConfirm} data-testid={`${testId}-ok`}>
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The published version whose range covers `day`, among `versions` (not counting `except`). */
export function publishedCovering(versions: ApiRateVersion[], day: string, exceptId?: string) {
  return versions.find(
    (v) =>
      v.id !== exceptId &&
      v.status === 'PUBLISHED' &&
      compareDates(v.effectiveFrom, day) <= 0 &&
      (!v.effectiveTo || compareDates(day, v.effectiveTo) <= 0),
  );
}

/** A version may be edited in place only while it is a draft that has not started. */
function isEditable(v: ApiRateVersion | undefined) {
  return !!v && v.status === 'DRAFT';
}

function Workspace() {
  const table = useRecordContext<TableRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const dataProvider = useGazetteDataProvider();
  const fmt = useFormatters();
  const { canAccess: canEdit } = useCanAccess({ resource: 'rateEntries', action: 'edit' });
  // The selected version lives in the address (?version=…), so a link opens the same version.
  const location = useLocation();
  const navigate = useNavigate();
  const selected = new URLSearchParams(location.search).get('version') ?? '';
  const setSelected = useCallback(
    (value: string) =>
      navigate(
        {
          pathname: location.pathname,
          search: value ? `?version=${encodeURIComponent(value)}` : '',
        },
        { replace: true },
      ),
    [navigate, location.pathname],
  );
  const {
    versions,
    loaded,
    error: versionsError,
    reload: reloadVersions,
    put: putVersion,
  } = useRateVersions(table?.id);
  const {
    entries,
    error: entriesError,
    setEntries,
    reload: reloadEntries,
  } = useRateEntries(selected);
  const [tab, setTab] = useState(0);
  // The printed matrix by default where the table has one; the long list stays a click away.
  const [view, setView] = useState<'matrix' | 'list'>('matrix');
  // Bumped when a file replaces the entries: the matrix's undo history no longer applies.
  const [imports, setImports] = useState(0);
  const [newOpen, setNewOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);

  // No version chosen, or one that is gone (a deleted draft): the one in force, else the newest.
  useEffect(() => {
    if (!loaded || (selected && versions.some((v) => v.id === selected))) return;
    const fallback = publishedCovering(versions, today())?.id || versions[0]?.id || '';
    if (fallback !== selected) setSelected(fallback);
  }, [loaded, versions, selected, setSelected]);

  const { publish, remove } = useVersionWrites({
    onPublished: () => {
      notify('rates.published', { type: 'success' });
      void reloadVersions();
    },
    onDeleted: () => {
      notify('rates.draftDeleted', { type: 'success' });
      setSelected('');
      void reloadVersions();
    },
    reload: () => void reloadVersions(),
  });

  if (!table) return null;
  const dimensions = (table.dimensions ?? []) as DimensionDef[];
  const version = versions.find((v) => v.id === selected);
  const editable = !!canEdit && isEditable(version);
  const layout = matrixLayout(table.kind, dimensions);
  const valueField = valueFieldOf(table.kind);
  const showMatrix = !!layout && view === 'matrix';
  // Entry writes move the version's own `version` (publish checks it): read the versions again.
  const entriesChanged = () => void reloadVersions();
  const fileImported = () => {
    setImports((n) => n + 1);
    void reloadEntries();
    void reloadVersions();
  };

  // What publishing closes: the published version still running on the day before the draft starts.
  const closes =
    version?.status === 'DRAFT'
      ? publishedCovering(versions, addDays(version.effectiveFrom, -1), version.id)
      : undefined;

  // The API's CSV of the version (Chinese headers and labels, every field), which 导入 CSV reads
  // back unchanged; the printed layout is the XLSX's. A refusal is said, nothing is saved.
  async function exportCsv() {
    if (!version) return;
    try {
      const file = await dataProvider.rateTableVersionCsv(version);
      downloadBlob(file.fileName, file.blob);
    } catch (e) {
      notify(translate('app.export.failed', { reason: errorText(e) }), { type: 'error' });
    }
  }

  const versionLabel = (v: ApiRateVersion) =>
    `${fmt.date(v.effectiveFrom)}${v.effectiveTo ? ` — ${fmt.date(v.effectiveTo)}` : ''} ${v.label ?? ''}（${translate(`enums.RateVersionStatus.${v.status}`)}）`;

  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6">{table.name}</Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {table.policy?.docNo} {table.policy?.title}
      </Typography>
      <ErrorAlert error={versionsError ?? entriesError} />
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        flexWrap="wrap"
        useFlexGap
        sx={{ my: 1 }}
      >
        <TextField
          select
          size="small"
          label={translate('rates.version')}
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
          sx={{ minWidth: 300 }}
          inputProps={{ 'data-testid': 'version-select' }}
        >
          {versions.map((v) => (
            <MenuItem key={v.id} value={v.id}>
              {versionLabel(v)}
            </MenuItem>
          ))}
        </TextField>
        {version && (
          <Chip
            size="small"
            color={version.status === 'DRAFT' ? 'warning' : 'success'}
            label={translate(`enums.RateVersionStatus.${version.status}`)}
            data-testid="version-status"
          />
        )}
        {canEdit && (
          <Button
            variant="outlined"
            size="small"
            onClick={() => setNewOpen(true)}
            disabled={!version && versions.length > 0}
            data-testid="new-version"
          >
            {translate('rates.newVersion')}
          </Button>
        )}
        {canEdit && version?.status === 'DRAFT' && (
          <Button size="small" onClick={() => setEditOpen(true)} data-testid="edit-version-dates">
            {translate('rates.editDates')}
          </Button>
        )}
        {canEdit && version?.status === 'DRAFT' && (
          <Button
            size="small"
            color="error"
            onClick={() => setConfirm('delete')}
            data-testid="delete-version"
          >
            {translate('rates.deleteDraft')}
          </Button>
        )}
        {canEdit && version?.status === 'DRAFT' && (
          <Button
            variant="contained"
            size="small"
            onClick={() => setConfirm('publish')}
            data-testid="publish-version"
          >
            {translate('rates.publish')}
          </Button>
        )}
        <Button
          size="small"
          onClick={() => void exportCsv()}
          disabled={!entries.length}
          data-testid="export-csv"
        >
          {translate('rates.exportCsv')}
        </Button>
        <XlsxTools
          table={{ name: table.name, kind: table.kind, dimensions }}
          version={version}
          entries={entries}
          editable={editable}
          onImported={fileImported}
        />
      </Stack>
      {version && !editable && canEdit && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('rates.readOnlyStarted')}
        </Alert>
      )}
      {!canEdit && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="rates-read-only">
          {translate('rates.readOnlyRole')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_, v: number) => setTab(v)} sx={{ mb: 1 }}>
        <Tab label={translate('rates.tabs.entries')} />
        <Tab label={translate('rates.tabs.diff')} data-testid="tab-diff" />
        {editable && <Tab label={translate('rates.tabs.import')} data-testid="tab-import" />}
      </Tabs>
      {tab === 0 && layout && (
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_, v: 'matrix' | 'list' | null) => v && setView(v)}
          sx={{ mb: 1 }}
        >
          <ToggleButton value="matrix" data-testid="view-matrix">
            {translate('rateMatrix.viewMatrix')}
          </ToggleButton>
          <ToggleButton value="list" data-testid="view-list">
            {translate('rateMatrix.viewList')}
          </ToggleButton>
        </ToggleButtonGroup>
      )}
      {tab === 0 && showMatrix && version && (
        <Suspense fallback={null}>
          <RateMatrix
            key={`${version.id}-${imports}`}
            layout={layout}
            dimensions={dimensions}
            entries={entries}
            editable={editable}
            versionId={version.id}
            onEntries={(update) => {
              setEntries(update);
              entriesChanged();
            }}
            onReload={() => void reloadEntries()}
          />
        </Suspense>
      )}
      {tab === 0 && !showMatrix && (
        <EntriesGrid
          entries={entries}
          dimensions={dimensions}
          editable={editable}
          valueField={valueField}
          onSaved={(e) => {
            setEntries((list) => list.map((x) => (x.id === e.id ? e : x)));
            entriesChanged();
          }}
          onReload={() => void reloadEntries()}
        />
      )}
      {tab === 0 && !version && versions.length === 0 && (
        <Alert severity="info" data-testid="no-versions">
          {translate(canEdit ? 'rateMatrix.noBase' : 'rateMatrix.empty')}
        </Alert>
      )}
      {tab === 1 && versions.length > 1 && (
        <DiffView
          key={selected}
          versions={versions}
          initialB={selected}
          dimensions={dimensions}
          valueField={valueField}
        />
      )}
      {tab === 1 && versions.length < 2 && (
        <Alert severity="info">{translate('rates.oneVersionOnly')}</Alert>
      )}
      {tab === 2 && version && editable && (
        <CsvImport
          version={version}
          kind={table.kind}
          entries={entries}
          dimensions={dimensions}
          onImported={fileImported}
        />
      )}
      {version?.status === 'DRAFT' && (
        <>
          <ConfirmDialog
            open={confirm === 'publish'}
            title={translate('rates.publishConfirmTitle')}
            onConfirm={() => {
              setConfirm(null);
              publish(version);
            }}
            onClose={() => setConfirm(null)}
            testId="publish-confirm"
          >
            <DialogContentText>
              {translate('rates.publishConfirmFrom', { from: fmt.date(version.effectiveFrom) })}
            </DialogContentText>
            <DialogContentText>
              {closes
                ? translate('rates.publishConfirmCloses', {
                    since: fmt.date(closes.effectiveFrom),
                    until: fmt.date(addDays(version.effectiveFrom, -1)),
                  })
                : translate('rates.publishConfirmClosesNone')}
            </DialogContentText>
          </ConfirmDialog>
          <ConfirmDialog
            open={confirm === 'delete'}
            title={translate('rates.deleteDraftConfirmTitle')}
            onConfirm={() => {
              setConfirm(null);
              void remove(version);
            }}
            onClose={() => setConfirm(null)}
            testId="delete-confirm"
          >
            <DialogContentText>
              {translate('rates.deleteDraftConfirm', { from: fmt.date(version.effectiveFrom) })}
            </DialogContentText>
          </ConfirmDialog>
          <NewVersionDialog
            open={editOpen}
            base={version}
            editing={version}
            policy={table.policy}
            onClose={() => setEditOpen(false)}
            onCreated={(v) => {
              setEditOpen(false);
              notify('rates.datesSaved', { type: 'success' });
              putVersion(v);
            }}
          />
        </>
      )}
      <NewVersionDialog
        open={newOpen}
        base={version}
        tableId={table.id}
        policy={table.policy}
        onClose={() => setNewOpen(false)}
        onCreated={(v) => {
          setNewOpen(false);
          notify('rates.versionCreated', { type: 'success' });
          putVersion(v);
          setSelected(v.id);
          setTab(0);
        }}
      />
    </Box>
  );
}

export function RateTableShow() {
  return (
    <Show actions={false}>
      <Workspace />
    </Show>
  );
}
