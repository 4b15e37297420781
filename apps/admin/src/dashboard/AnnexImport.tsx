import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { importAnnex, type AnnexKind, type ImportReport } from './api.ts';
import { parseCsv } from '../shared/csv.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';

/** Import a quarter's annex table from CSV: preview, check on the server, then write all or nothing. */
export function AnnexImport({ quarter, onDone }: { quarter: string; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [kind, setKind] = useState<AnnexKind>('WEBSITE_FINDINGS');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const preview = csv ? parseCsv(csv).slice(0, 8) : [];

  async function send(dryRun: boolean) {
    setError(null);
    try {
      const r = await importAnnex(quarter, kind, csv, dryRun);
      setReport(r);
      if (!dryRun && r.ok) {
        notify('dashboard.import.done', { type: 'success', messageArgs: { n: r.imported } });
        setCsv('');
        onDone();
      }
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('dashboard.import.title', { quarter })}</Typography>
        <Stack direction="row" spacing={2} sx={{ my: 1 }} alignItems="center" flexWrap="wrap">
          <TextField select size="small" label={translate('dashboard.import.kind')} value={kind} onChange={(e) => setKind(e.target.value as AnnexKind)} sx={{ minWidth: 180 }}>
            <MenuItem value="WEBSITE_FINDINGS">{translate('enums.AnnexKind.WEBSITE_FINDINGS')}</MenuItem>
            <MenuItem value="NEW_MEDIA_FINDINGS">{translate('enums.AnnexKind.NEW_MEDIA_FINDINGS')}</MenuItem>
          </TextField>
          <Button component="label" variant="outlined">
            {translate('dashboard.import.choose')}
            <input hidden type="file" accept=".csv,text/csv" onChange={async (e) => { const file = e.target.files?.[0]; if (file) { setCsv(await file.text()); setReport(null); } }} />
          </Button>
          <Button disabled={!csv} onClick={() => send(true)}>{translate('dashboard.import.check')}</Button>
          <Button disabled={!csv || !report?.ok} variant="contained" onClick={() => send(false)}>{translate('dashboard.import.write')}</Button>
        </Stack>
        {preview.length > 0 && (
          <Table size="small">
            <TableBody>
              {preview.map((r, i) => <TableRow key={i}>{r.map((c, j) => <TableCell key={j}>{c}</TableCell>)}</TableRow>)}
            </TableBody>
          </Table>
        )}
        <ErrorAlert error={error} />
        {report && !report.ok && (
          <>
            <Alert severity="error" sx={{ mt: 1 }}>{translate('app.import.rejected', { n: report.errors.length })}</Alert>
            <Table size="small">
              <TableHead><TableRow><TableCell>{translate('app.import.row')}</TableCell><TableCell>{translate('app.import.column')}</TableCell><TableCell>{translate('app.import.message')}</TableCell></TableRow></TableHead>
              <TableBody>{report.errors.map((e, i) => <TableRow key={i}><TableCell>{e.row}</TableCell><TableCell>{e.column}</TableCell><TableCell>{e.message}</TableCell></TableRow>)}</TableBody>
            </Table>
          </>
        )}
        {report?.ok && <Alert severity="success" sx={{ mt: 1 }}>{translate('app.import.valid', { n: report.imported })}</Alert>}
      </CardContent>
    </Card>
  );
}
