import { useNavigate, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Card,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ImportStatus } from '../dataProvider/gazetteImports.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { useFormatters } from '../shared/fields.tsx';
import { useErrorText } from '../shared/errorText.ts';

export const STATUS_COLOR: Record<ImportStatus, 'default' | 'success' | 'warning'> = {
  DRAFT: 'warning',
  APPLIED: 'success',
  DISCARDED: 'default',
};

/** react-query key of the imports' reads; reading or applying an issue invalidates it. */
export const GAZETTE_IMPORTS_KEY = ['gazetteImports'] as const;

/** The latest imports, newest first; each reopens in the page. */
export function ImportHistory({ currentId }: { currentId?: string }) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const dataProvider = useGazetteDataProvider();
  const { data: rows, error } = useQuery({
    queryKey: [...GAZETTE_IMPORTS_KEY, 'recent'],
    queryFn: () => dataProvider.recentGazetteImports(),
  });

  const open = (id: string) => navigate(`/gazette-imports/${encodeURIComponent(id)}`);
  return (
    <Box data-testid="import-history">
      <Typography variant="h6" sx={{ mt: 3, mb: 1 }}>
        {translate('gazetteImport.history')}
      </Typography>
      {error && (
        <Alert severity="error" data-testid="history-error">
          {translate('gazetteImport.historyFailed', { reason: errorText(error) })}
        </Alert>
      )}
      {rows?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('gazetteImport.historyEmpty')}
        </Typography>
      )}
      {rows && rows.length > 0 && (
        <TableContainer component={Card} variant="outlined">
          <Table size="small">
            <TableHead>
              <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <TableCell>{translate('gazetteImport.issue')}</TableCell>
                <TableCell>{translate('gazetteImport.status')}</TableCell>
                <TableCell>{translate('gazetteImport.readAtCol')}</TableCell>
                <TableCell>{translate('gazetteImport.appliedAtCol')}</TableCell>
                <TableCell align="right">{translate('gazetteImport.problemCount')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow
                  key={r.id}
                  hover
                  selected={r.id === currentId}
                  data-testid="import-history-row"
                  sx={{ cursor: 'pointer' }}
                  onClick={() => open(r.id)}
                >
                  <TableCell>{r.issueLabel ?? translate('gazetteImport.unknownIssue')}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={STATUS_COLOR[r.status]}
                      label={translate(`enums.GazetteImportStatus.${r.status}`)}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.createdAt)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {r.appliedAt ? fmt.dateTime(r.appliedAt) : '—'}
                  </TableCell>
                  <TableCell align="right">{r.problemCount}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        open(r.id);
                      }}
                    >
                      {translate('gazetteImport.open')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
