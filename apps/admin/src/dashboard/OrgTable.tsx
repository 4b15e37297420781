import { useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
} from '@mui/material';
import { sortRows, type OrgRow } from './aggregate.ts';

const COLUMNS: (keyof OrgRow)[] = [
  'organization',
  'websiteIssues',
  'websiteRectified',
  'newMediaIssues',
  'newMediaRectified',
  'baseDataMissing',
  'processDataMissing',
  'total',
];

/** Per-organisation findings of the quarter; every column sorts. */
export function OrgTable({ rows }: { rows: OrgRow[] }) {
  const translate = useTranslate();
  const [sort, setSort] = useState<{ key: keyof OrgRow; order: 'asc' | 'desc' }>({
    key: 'total',
    order: 'desc',
  });
  const sorted = sortRows(rows, sort.key, sort.order);
  return (
    <TableContainer sx={{ maxHeight: 420 }}>
      <Table size="small" stickyHeader data-testid="org-table">
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell
                key={c}
                align={c === 'organization' ? 'left' : 'right'}
                sortDirection={sort.key === c ? sort.order : false}
                sx={{ whiteSpace: 'nowrap', minWidth: c === 'organization' ? 180 : undefined }}
              >
                <TableSortLabel
                  active={sort.key === c}
                  direction={sort.key === c ? sort.order : 'asc'}
                  onClick={() =>
                    setSort({
                      key: c,
                      order: sort.key === c && sort.order === 'desc' ? 'asc' : 'desc',
                    })
                  }
                >
                  {translate(`dashboard.col.${c}`)}
                </TableSortLabel>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((r) => (
            <TableRow key={r.organization} hover data-testid={`org-row-${r.organization}`}>
              {COLUMNS.map((c) => (
                <TableCell
                  key={c}
                  align={c === 'organization' ? 'left' : 'right'}
                  sx={{ whiteSpace: c === 'organization' ? 'normal' : 'nowrap' }}
                >
                  {typeof r[c] === 'boolean' ? (r[c] ? translate('dashboard.missing') : '') : r[c]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function orgRowsForExport(rows: OrgRow[], translate: (k: string) => string) {
  return [
    COLUMNS.map((c) => translate(`dashboard.col.${c}`)),
    ...rows.map((r) =>
      COLUMNS.map((c) =>
        typeof r[c] === 'boolean' ? (r[c] ? translate('dashboard.missing') : '') : r[c],
      ),
    ),
  ];
}
