import { useState } from 'react';
import { CircularProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import {
  Button,
  fetchRelatedRecords,
  useDataProvider,
  useListContext,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { GazetteDataProvider } from '../dataProvider/dataProvider.ts';
import { errorText } from './ErrorAlert.tsx';

/**
 * 导出: every row of the list as filtered and sorted, read in pages the API accepts, then handed
 * to the list's exporter. react-admin's ExportButton asked for 1,000 rows in one page, which the
 * API refuses (at most 100), and said only “与服务器通信出错”; this one says why it failed.
 */
export function ExportButton() {
  const { filter, filterValues, resource, sort, exporter, total } = useListContext();
  const dataProvider = useDataProvider<GazetteDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [running, setRunning] = useState(false);

  async function run() {
    if (!exporter) return;
    setRunning(true);
    try {
      const { data } = await dataProvider.getAll(resource, {
        sort,
        filter: filter ? { ...filterValues, ...filter } : filterValues,
      });
      // Not an array only when the session ended meanwhile: react-admin has said so and logs out.
      if (!Array.isArray(data)) return;
      await exporter(data, fetchRelatedRecords(dataProvider), dataProvider, resource);
    } catch (error) {
      notify('app.export.failed', {
        type: 'error',
        messageArgs: { reason: errorText(error, translate) },
      });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Button
      label="ra.action.export"
      onClick={() => void run()}
      disabled={running || total === 0}
      data-testid="export-button"
    >
      {running ? <CircularProgress size={16} /> : <DownloadIcon />}
    </Button>
  );
}
