import { useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ClearIcon from '@mui/icons-material/Clear';
import {
  ANNEXES,
  type AnnexFileInput,
  type AnnexFormat,
  type AnnexKey,
  type AnnexName,
  type AnnexRowError,
} from '../dataProvider/compliance.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { annexBlob, annexInput } from './annexFiles.ts';
import { downloadBlob } from '../shared/csv.ts';
import { ErrorAlert, errorText } from '../shared/ErrorAlert.tsx';
import { GraphQLRequestError } from '../graphql/client.ts';
import { postImport } from '../dataProvider/exports.ts';

type Chosen = Partial<Record<AnnexKey, AnnexFileInput>>;

/**
 * A quarter's four annexes (附件1 网站, 附件2 政务新媒体, 附件3 政务数据汇集, 信息采用情况) as CSV or
 * XLSX files with the printed headers. Each file given replaces that annex's records of the quarter;
 * the server writes all of them or nothing and names every bad row. CSV exports stream from
 * GET /exports/inspection-annex-files/…; XLSX exports and templates come from inspectionAnnexFile.
 */
export function AnnexImport({
  quarter,
  version,
  onDone,
}: {
  quarter: string;
  version: number;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const [chosen, setChosen] = useState<Chosen>({});
  const [rowErrors, setRowErrors] = useState<AnnexRowError[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const given = ANNEXES.filter((a) => chosen[a.key]);
  // The chosen files themselves: one CSV alone is streamed to POST /imports/… as it is on disk.
  const files = useRef<Partial<Record<AnnexKey, File>>>({});

  async function choose(key: AnnexKey, file: File | undefined) {
    if (!file) return;
    setRowErrors([]);
    setError(null);
    try {
      const input = annexInput(file.name, new Uint8Array(await file.arrayBuffer()));
      files.current[key] = file;
      setChosen((c) => ({ ...c, [key]: input }));
    } catch (e) {
      setError(e as Error);
    }
  }

  async function send() {
    setConfirming(false);
    setBusy(true);
    setError(null);
    setRowErrors([]);
    try {
      const only = given.length === 1 ? given[0]! : null;
      const file = only && chosen[only.key]?.format === 'CSV' ? files.current[only.key] : undefined;
      if (only && file) {
        // One CSV: streamed, the server reading, checking and writing it as it arrives.
        const query = new URLSearchParams({ version: String(version), fileName: file.name });
        await postImport(
          `/imports/inspection-annexes/${encodeURIComponent(quarter)}/${only.annex}.csv?${query}`,
          file,
        );
      } else {
        // Several files (written together, all or nothing) or an XLSX: the GraphQL mutation.
        await dataProvider.importInspectionAnnexes(quarter, version, chosen);
      }
      notify('dashboard.import.done', {
        type: 'success',
        messageArgs: {
          annexes: given.map((a) => translate(`dashboard.annex.${a.key}`)).join('、'),
        },
      });
      setChosen({});
      files.current = {};
      onDone();
    } catch (e) {
      // The server names every bad row of every file in extensions.rows.
      const rows =
        e instanceof GraphQLRequestError
          ? (e.extensions.rows as AnnexRowError[] | undefined)
          : undefined;
      if (rows?.length) setRowErrors(rows);
      else setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  // CSV streams from GET /exports/…; XLSX is built whole by inspectionAnnexFile.
  async function download(annex: AnnexName, format: AnnexFormat) {
    setError(null);
    try {
      if (format === 'CSV') {
        const file = await dataProvider.inspectionAnnexCsv(quarter, annex);
        downloadBlob(file.fileName, file.blob);
      } else {
        const file = await dataProvider.inspectionAnnexFile(quarter, annex, format);
        downloadBlob(file.fileName, annexBlob(file, format));
      }
    } catch (e) {
      notify(translate('app.export.failed', { reason: errorText(e, translate) }), {
        type: 'error',
      });
    }
  }

  return (
    <Card variant="outlined" data-testid="annex-import">
      <CardContent>
        <Typography variant="subtitle1">
          {translate('dashboard.import.title', { quarter })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('dashboard.import.help')}
        </Typography>
        <Table size="small">
          <TableBody>
            {ANNEXES.map(({ key, annex }) => (
              <TableRow key={key} data-testid={`annex-${key}`}>
                <TableCell sx={{ pl: 0, whiteSpace: 'nowrap' }}>
                  {translate(`dashboard.annex.${key}`)}
                </TableCell>
                <TableCell sx={{ width: '100%' }}>
                  <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                    <Button size="small" component="label" variant="outlined">
                      {translate('dashboard.import.choose')}
                      <input
                        hidden
                        type="file"
                        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        data-testid={`annex-file-${key}`}
                        onChange={(e) => {
                          void choose(key, e.target.files?.[0]);
                          e.target.value = '';
                        }}
                      />
                    </Button>
                    {chosen[key] && (
                      <Box
                        component="span"
                        data-testid={`annex-chosen-${key}`}
                        sx={{
                          display: 'inline-flex',
                          alignItems: 'center',
                          wordBreak: 'break-all',
                        }}
                      >
                        <Typography variant="body2">
                          {chosen[key].fileName}（{chosen[key].format}）
                        </Typography>
                        <IconButton
                          size="small"
                          aria-label={translate('dashboard.import.remove')}
                          onClick={() => setChosen(({ [key]: _, ...rest }) => rest)}
                        >
                          <ClearIcon fontSize="small" />
                        </IconButton>
                      </Box>
                    )}
                    <Box flex={1} />
                    <Button
                      size="small"
                      onClick={() => download(annex, 'XLSX')}
                      data-testid={`annex-download-${key}-XLSX`}
                    >
                      {translate('dashboard.import.downloadXlsx')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => download(annex, 'CSV')}
                      data-testid={`annex-download-${key}-CSV`}
                    >
                      {translate('dashboard.import.downloadCsv')}
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button
            variant="contained"
            size="small"
            disabled={!given.length || busy}
            onClick={() => setConfirming(true)}
            data-testid="annex-import-button"
          >
            {translate('dashboard.import.write')}
          </Button>
        </Stack>
        <ErrorAlert error={error} />
        {rowErrors.length > 0 && (
          <Box data-testid="annex-row-errors" sx={{ overflowX: 'auto' }}>
            <Alert severity="error" sx={{ mt: 1 }}>
              {translate('app.import.rejected', { n: rowErrors.length })}
            </Alert>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('dashboard.import.file')}</TableCell>
                  <TableCell>{translate('app.import.row')}</TableCell>
                  <TableCell>{translate('app.import.column')}</TableCell>
                  <TableCell>{translate('app.import.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rowErrors.map((e, i) => (
                  <TableRow key={i} data-testid="annex-row-error">
                    <TableCell>
                      {[e.fileName ?? e.file ?? e.annex, e.sheet].filter(Boolean).join(' · ')}
                    </TableCell>
                    <TableCell>
                      {e.line == null ? '—' : translate('app.import.rowN', { n: e.line })}
                    </TableCell>
                    <TableCell>{[e.column, e.cell].filter(Boolean).join(' · ') || '—'}</TableCell>
                    <TableCell>{e.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>{translate('dashboard.import.confirmTitle', { quarter })}</DialogTitle>
        <DialogContent>
          <DialogContentText data-testid="annex-confirm-text">
            {translate('dashboard.import.confirmBody', {
              quarter,
              annexes: given.map((a) => translate(`dashboard.annex.${a.key}`)).join('、'),
            })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" onClick={send} data-testid="annex-confirm-ok">
            {translate('dashboard.import.replace')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
