import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { annexCsv, importAnnex, type AnnexKind } from './api.ts';
import { downloadText, parseCsv } from '../shared/csv.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { GraphQLRequestError } from '../graphql/client.ts';

interface RowError {
  line: number;
  column: string | null;
  message: string;
}

/** Import a quarter's annex table from CSV (preview first; the server writes all rows or none), or export it. */
export function AnnexImport({ quarter, onDone }: { quarter: string; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [kind, setKind] = useState<AnnexKind>('WEBSITE');
  const [csv, setCsv] = useState('');
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const preview = csv ? parseCsv(csv).slice(0, 8) : [];

  async function send() {
    setError(null);
    setRowErrors([]);
    try {
      await importAnnex(quarter, kind, csv);
      notify('dashboard.import.done', { type: 'success', messageArgs: { n: parseCsv(csv).length - 1 } });
      setCsv('');
      onDone();
    } catch (e) {
      // The server names every bad row in extensions.rows.
      const rows = e instanceof GraphQLRequestError ? (e.extensions.rows as RowError[] | undefined) : undefined;
      if (rows) setRowErrors(rows);
      setError(e as Error);
    }
  }

  async function exportCsv() {
    try {
      downloadText(`${quarter}-${kind}.csv`, await annexCsv(quarter, kind));
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('dashboard.import.title', { quarter })}</Typography>
        <Stack direction="row" spacing={1} sx={{ my: 1 }} alignItems="center" flexWrap="wrap" useFlexGap>
          <TextField select size="small" label={translate('dashboard.import.kind')} value={kind} onChange={(e) => setKind(e.target.value as AnnexKind)} sx={{ minWidth: 180 }}>
            <MenuItem value="WEBSITE">{translate('enums.AnnexKind.WEBSITE')}</MenuItem>
            <MenuItem value="NEW_MEDIA">{translate('enums.AnnexKind.NEW_MEDIA')}</MenuItem>
          </TextField>
          <Button size="small" onClick={exportCsv}>{translate('dashboard.import.export')}</Button>
          <Button size="small" component="label" variant="outlined">
            {translate('dashboard.import.choose')}
            <input hidden type="file" accept=".csv,text/csv" onChange={async (e) => { const file = e.target.files?.[0]; if (file) { setCsv(await file.text()); setRowErrors([]); setError(null); } }} />
          </Button>
          <Button size="small" disabled={!csv} variant="contained" onClick={send}>{translate('dashboard.import.write')}</Button>
        </Stack>
        {preview.length > 0 && (
          <Table size="small">
            <TableBody>{preview.map((r, i) => <TableRow key={i}>{r.map((c, j) => <TableCell key={j}>{c}</TableCell>)}</TableRow>)}</TableBody>
          </Table>
        )}
        <ErrorAlert error={error} />
        {rowErrors.length > 0 && (
          <>
            <Alert severity="error" sx={{ mt: 1 }}>{translate('app.import.rejected', { n: rowErrors.length })}</Alert>
            <Table size="small">
              <TableHead><TableRow><TableCell>{translate('app.import.row')}</TableCell><TableCell>{translate('app.import.column')}</TableCell><TableCell>{translate('app.import.message')}</TableCell></TableRow></TableHead>
              <TableBody>{rowErrors.map((e, i) => <TableRow key={i}><TableCell>{translate('app.import.rowN', { n: e.line })}</TableCell><TableCell>{e.column}</TableCell><TableCell>{e.message}</TableCell></TableRow>)}</TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
