import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { DimensionDef, RateCsvError } from '@gazette/domain';
import type { ApiRateEntry, ApiRateVersion } from '../dataProvider/rateTables.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import type { SheetError } from './sheet.ts';
import { downloadBlob } from '../shared/csv.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { GraphQLRequestError } from '../graphql/client.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// exceljs (and the sheet layout) are loaded only when a file is written or read.
const loadXlsx = async () => ({
  ...(await import('./xlsxFile.ts')),
  ...(await import('./sheet.ts')),
});

/**
 * XLSX export of a version with the gazette's Chinese headers, a template to fill, and (for a
 * draft) import: the sheet becomes the CSV the API validates whole; every row it refuses is named
 * by its sheet row and column, and nothing is written.
 */
export function XlsxTools({
  table,
  version,
  entries,
  editable,
  onImported,
}: {
  table: { name: string; kind: string; dimensions: DimensionDef[] };
  version: ApiRateVersion | undefined;
  entries: ApiRateEntry[];
  editable: boolean;
  onImported: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const [errors, setErrors] = useState<SheetError[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const notes = () => [
    translate('rateMatrix.templateHelp'),
    ...table.dimensions
      .filter((d) => d.values.length)
      .map((d) =>
        translate('rateMatrix.templateValues', {
          label: d.label,
          values: d.values.map((v) => v.label).join('、'),
        }),
      ),
  ];

  async function download(template: boolean) {
    setError(null);
    try {
      const { writeXlsx, sheetOf } = await loadXlsx();
      const spec = sheetOf(table.kind, table.dimensions, entries, template);
      const data = await writeXlsx(table.name, spec, template ? notes() : []);
      const name = template
        ? `${table.name}-${translate('rateMatrix.templateFile')}.xlsx`
        : `${table.name}-${version?.effectiveFrom ?? ''}.xlsx`;
      downloadBlob(name, new Blob([data], { type: XLSX_TYPE }));
    } catch (e) {
      setError(e as Error);
    }
  }

  async function upload(file: File) {
    if (!version) return;
    setErrors([]);
    setError(null);
    setBusy(true);
    try {
      const { readXlsx, csvFromSheet, sheetErrorsOf } = await loadXlsx();
      const cells = await readXlsx(await file.arrayBuffer());
      const result = csvFromSheet(table.kind, table.dimensions, cells, entries, translate);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      try {
        await dataProvider.importRateTableVersionCsv(version, result.csv);
        notify('rateMatrix.xlsxImported', { type: 'success', messageArgs: { n: result.count } });
        onImported();
      } catch (e) {
        const rows =
          (e instanceof GraphQLRequestError
            ? (e.extensions.rows as RateCsvError[] | undefined)
            : undefined) ?? [];
        if (rows.length) setErrors(sheetErrorsOf(rows, result.origin));
        else setError(e as Error);
      }
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        size="small"
        onClick={() => void download(false)}
        disabled={!entries.length}
        data-testid="export-xlsx"
      >
        {translate('rateMatrix.exportXlsx')}
      </Button>
      <Button size="small" onClick={() => void download(true)} data-testid="xlsx-template">
        {translate('rateMatrix.template')}
      </Button>
      {editable && version && (
        <Button size="small" component="label" disabled={busy} data-testid="import-xlsx">
          {translate('rateMatrix.importXlsx')}
          <input
            hidden
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="xlsx-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </Button>
      )}
      {(errors.length > 0 || error) && (
        <div style={{ flexBasis: '100%' }} data-testid="xlsx-errors">
          <ErrorAlert error={error} />
          {errors.length > 0 && (
            <>
              <Alert severity="error" sx={{ my: 1 }} onClose={() => setErrors([])}>
                {translate('rateMatrix.xlsxRejected', { n: errors.length })}
              </Alert>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.import.row')}</TableCell>
                    <TableCell>{translate('app.import.column')}</TableCell>
                    <TableCell>{translate('app.import.message')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {errors.map((e, i) => (
                    <TableRow key={i} data-testid={`xlsx-error-${e.row}`}>
                      <TableCell>{translate('rateMatrix.sheetRow', { n: e.row })}</TableCell>
                      <TableCell>{e.column}</TableCell>
                      <TableCell>{e.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </div>
      )}
    </>
  );
}
