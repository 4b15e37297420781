import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  parseCsvRecords,
  parseRateVersionCsv,
  unneutraliseCell,
  type DimensionDef,
  type RateCsvError,
} from '@gazette/domain';
import { parseCsv } from '../shared/csv.ts';
import type { ApiRateEntry, ApiRateVersion } from '../dataProvider/rateTables.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { GraphQLRequestError } from '../graphql/client.ts';
import { postImport } from '../dataProvider/exports.ts';

/**
 * CSV import into a draft version: the file is checked row by row (in the browser with the
 * domain's parser, then again by the server); while any row is wrong nothing is written. The file
 * may have the gazette's Chinese headers and labels (as 导出 CSV writes it: 三乙, 商服用地 …) or
 * the API's own column names.
 */
export function CsvImport({
  version,
  kind,
  entries,
  dimensions,
  onImported,
}: {
  version: ApiRateVersion;
  kind: string;
  entries: ApiRateEntry[];
  dimensions: DimensionDef[];
  onImported: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ row: number; column: string | null; message: string }[]>(
    [],
  );
  // What is sent: the file itself, or the API's CSV made from a file with Chinese headers, whose
  // lines are traced back to the file's (origin) for every error.
  const [sendCsv, setSendCsv] = useState('');
  const [origin, setOrigin] = useState<{ row: number; column: string | null }[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const preview = csv ? parseCsv(csv) : [];

  async function check(text: string) {
    const records = parseCsvRecords(text);
    const header = records[0]?.cells.map((c) => c.trim()) ?? [];
    if (dimensions.every((d) => header.includes(d.name))) {
      setSendCsv(text);
      setOrigin(null);
      const local = parseRateVersionCsv(text, { dimensions });
      setErrors(
        local.ok
          ? []
          : local.errors.map((e: RateCsvError) => ({
              row: e.line,
              column: e.column,
              message: e.message,
            })),
      );
      return;
    }
    const { csvFromSheet, sheetErrorsOf } = await import('./sheet.ts');
    const lineOf = (row: number) => records[row - 1]?.line ?? row;
    const result = csvFromSheet(
      kind,
      dimensions,
      records.map((r) => r.cells.map(unneutraliseCell)),
      entries,
      translate,
    );
    if (!result.ok) {
      setSendCsv('');
      setErrors(result.errors.map((e) => ({ ...e, row: lineOf(e.row) })));
      return;
    }
    const lines = result.origin.map((o) => ({ ...o, row: lineOf(o.row) }));
    setSendCsv(result.csv);
    setOrigin(lines);
    const local = parseRateVersionCsv(result.csv, { dimensions });
    setErrors(local.ok ? [] : sheetErrorsOf(local.errors, lines));
  }

  async function write() {
    setError(null);
    try {
      // Streamed: the file itself when it is sent as chosen (the server reads its bytes, UTF-8 or
      // GB18030, as they arrive), else the API's CSV made from it.
      const body =
        !origin && file && sendCsv === csv ? file : new Blob([sendCsv], { type: 'text/csv' });
      await postImport(
        `/imports/rate-table-versions/${encodeURIComponent(version.id)}.csv?version=${version.version}`,
        body,
      );
      notify('rates.imported', {
        type: 'success',
        messageArgs: { n: origin ? origin.length : preview.length - 1 },
      });
      setCsv('');
      setSendCsv('');
      setFileName('');
      setFile(null);
      onImported();
    } catch (e) {
      // The server names every bad row in extensions.rows.
      const rows =
        (e instanceof GraphQLRequestError
          ? (e.extensions.rows as RateCsvError[] | undefined)
          : undefined) ?? [];
      if (rows.length)
        setErrors(
          origin
            ? sheetErrorsOfLines(rows, origin)
            : rows.map((r) => ({ row: r.line, column: r.column, message: r.message })),
        );
      setError(e as Error);
    }
  }

  const badRows = new Set(errors.map((e) => e.row));
  return (
    <Box data-testid="csv-import">
      <Stack direction="row" spacing={2} alignItems="center" sx={{ my: 1 }}>
        <Button component="label" variant="outlined">
          {translate('rates.chooseCsv')}
          <input
            hidden
            type="file"
            accept=".csv,text/csv"
            data-testid="csv-file"
            onChange={async (e) => {
              const picked = e.target.files?.[0];
              if (!picked) return;
              const text = await picked.text();
              setFileName(picked.name);
              setFile(picked);
              setCsv(text);
              await check(text);
            }}
          />
        </Button>
        <Typography variant="body2">{fileName}</Typography>
        <Button
          variant="contained"
          disabled={!sendCsv || errors.length > 0}
          onClick={write}
          data-testid="csv-write"
        >
          {translate('rates.importWrite')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('rateMatrix.csvHelp', {
          columns: [
            ...dimensions.map((d) => d.name),
            'code',
            'name',
            'unit',
            'amount',
            'rate',
          ].join(', '),
        })}
      </Typography>
      <ErrorAlert error={error} />
      {errors.length > 0 && (
        <>
          <Alert severity="error" sx={{ my: 1 }} data-testid="csv-rejected">
            {translate('app.import.rejected', { n: errors.length })}
          </Alert>
          <Table size="small" data-testid="csv-errors">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.import.row')}</TableCell>
                <TableCell>{translate('app.import.column')}</TableCell>
                <TableCell>{translate('app.import.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {errors.map((e, i) => (
                <TableRow key={i}>
                  <TableCell>{translate('app.import.rowN', { n: e.row })}</TableCell>
                  <TableCell>{e.column}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {preview.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate('rates.preview', { n: preview.length - 1 })}
          </Typography>
          <Box sx={{ overflowX: 'auto', maxHeight: 300 }}>
            <Table size="small">
              <TableBody>
                {preview.slice(0, 50).map((r, i) => (
                  <TableRow
                    key={i}
                    sx={
                      badRows.has(i + 1)
                        ? { bgcolor: 'error.light' }
                        : i === 0
                          ? { fontWeight: 'bold' }
                          : undefined
                    }
                  >
                    <TableCell>{i === 0 ? '' : i + 1}</TableCell>
                    {r.map((c, j) => (
                      <TableCell key={j}>{c}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Box>
  );
}

/** The API's CSV errors traced back to the file's lines (as sheet.ts does, without loading it again). */
function sheetErrorsOfLines(
  rows: RateCsvError[],
  origin: { row: number; column: string | null }[],
) {
  return rows.map((e) => ({
    row: origin[e.line - 2]?.row ?? e.line,
    column: origin[e.line - 2]?.column ?? e.column,
    message: e.message,
  }));
}
