// What a draft import found: documents (with their change against the database), rate tables
// (with the prices a new version changes), inspection quarters, notes and problems by line.
import { useTranslate } from 'react-admin';
import {
  Box,
  Chip,
  Link,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ImportDocument, ImportProblem, ImportTable } from '../dataProvider/gazetteImports.ts';
import { attributeChanges, entryLabel } from './review.ts';
import { useFormatters } from '../shared/fields.tsx';

type GoTo = (line: number) => void;

const CHANGE_COLOR = { NEW: 'success', CHANGED: 'warning', UNCHANGED: 'default' } as const;
const ACTION_COLOR = { NEW_TABLE: 'success', NEW_VERSION: 'info', UNCHANGED: 'default' } as const;

function LineLink({ from, to, goTo }: { from: number; to?: number; goTo: GoTo }) {
  const translate = useTranslate();
  return (
    <Link
      component="button"
      type="button"
      variant="body2"
      onClick={() => goTo(from)}
      sx={{ verticalAlign: 'baseline' }}
    >
      {to && to !== from
        ? translate('gazetteImport.lines', { from, to })
        : translate('gazetteImport.lineN', { n: from })}
    </Link>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {label}：
      </Box>
      {children}
    </Typography>
  );
}

/** A field of a CHANGED document as people read it: dates formatted, enums and booleans translated. */
function useFieldValue() {
  const translate = useTranslate();
  const fmt = useFormatters();
  return (field: string, value: string | null) => {
    if (value === null || value === '') return '—';
    if (/^(signedOn|effectiveFrom|expiresOn)$/.test(field)) return fmt.date(value);
    if (field === 'category') return translate(`enums.PolicyCategory.${value}`, { _: value });
    if (field === 'isTrial')
      return translate(value === 'true' ? 'ra.boolean.true' : 'ra.boolean.false');
    return value;
  };
}

function DocumentChanges({ doc }: { doc: ImportDocument }) {
  const translate = useTranslate();
  const fieldValue = useFieldValue();
  return (
    <Box sx={{ mt: 1 }} data-testid={`doc-diff-${doc.docNo}`}>
      <Typography variant="subtitle2">{translate('gazetteImport.fieldChanges')}</Typography>
      <TableContainer>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('gazetteImport.field')}</TableCell>
              <TableCell>{translate('gazetteImport.diffBefore')}</TableCell>
              <TableCell>{translate('gazetteImport.diffAfter')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {doc.fields.map((f) => (
              <TableRow key={f.field}>
                <TableCell>
                  {translate(`resources.policies.fields.${f.field}`, { _: f.field })}
                </TableCell>
                <TableCell sx={{ color: 'error.dark' }}>{fieldValue(f.field, f.before)}</TableCell>
                <TableCell sx={{ color: 'success.dark' }}>{fieldValue(f.field, f.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {doc.textDiff.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate('gazetteImport.textDiff')}
          </Typography>
          <Box
            component="pre"
            data-testid={`text-diff-${doc.docNo}`}
            sx={{
              m: 0,
              maxHeight: 320,
              overflow: 'auto',
              fontSize: 13,
              lineHeight: 1.6,
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-all',
            }}
          >
            {doc.textDiff.map((l, i) => {
              const op = l.op === '-' ? 'del' : l.op === '+' ? 'ins' : 'same';
              return (
                <Box
                  key={i}
                  component={op === 'del' ? 'del' : op === 'ins' ? 'ins' : 'div'}
                  data-op={l.op.trim() || 'same'}
                  sx={{
                    display: 'block',
                    px: 1,
                    textDecoration: 'none',
                    ...(op === 'del'
                      ? { bgcolor: '#ffebe9', color: 'error.dark' }
                      : op === 'ins'
                        ? { bgcolor: '#dafbe1', color: 'success.dark' }
                        : { color: 'text.secondary' }),
                  }}
                >
                  <Box
                    component="span"
                    sx={{
                      display: 'inline-block',
                      width: '1.5em',
                      userSelect: 'none',
                      fontWeight: 700,
                    }}
                  >
                    {op === 'del' ? '−' : op === 'ins' ? '+' : ' '}
                  </Box>
                  {l.text}
                </Box>
              );
            })}
          </Box>
        </>
      )}
    </Box>
  );
}

export function DocumentsSection({ documents, goTo }: { documents: ImportDocument[]; goTo: GoTo }) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const f = (k: string) => translate(`resources.policies.fields.${k}`);
  return (
    <Box data-testid="import-documents">
      <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
        {translate('gazetteImport.documents', { n: documents.length })}
      </Typography>
      <Stack spacing={1}>
        {documents.map((doc) => (
          <Paper
            key={doc.docNo}
            variant="outlined"
            sx={{ p: 1.5 }}
            data-testid={`import-doc-${doc.docNo}`}
          >
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
              <Chip
                size="small"
                color={CHANGE_COLOR[doc.change]}
                label={translate(`enums.GazetteDocumentChange.${doc.change}`)}
                data-testid={`doc-change-${doc.docNo}`}
              />
              <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600 }}>
                {doc.docNo}
              </Typography>
              {doc.isTrial && (
                <Chip size="small" variant="outlined" color="warning" label={f('isTrial')} />
              )}
            </Stack>
            <Typography variant="body1" sx={{ my: 0.5 }}>
              {doc.title}
            </Typography>
            <Stack direction="row" columnGap={2} rowGap={0.5} flexWrap="wrap" useFlexGap>
              <Meta label={f('issuers')}>{doc.issuers.join('、')}</Meta>
              <Meta label={f('signedOn')}>{fmt.date(doc.signedOn)}</Meta>
              <Meta label={f('effectiveFrom')}>{fmt.date(doc.effectiveFrom)}</Meta>
              <Meta label={f('expiresOn')}>
                {doc.expiresOn ? fmt.date(doc.expiresOn) : translate('policies.noLimit')}
              </Meta>
              <Meta label={f('isTrial')}>
                {translate(doc.isTrial ? 'ra.boolean.true' : 'ra.boolean.false')}
              </Meta>
              <Meta label={translate('gazetteImport.articles')}>{doc.articleCount}</Meta>
              {doc.page !== null && <Meta label={translate('gazetteImport.page')}>{doc.page}</Meta>}
              <Meta label={translate('gazetteImport.source')}>
                <LineLink from={doc.lineFrom} to={doc.lineTo} goTo={goTo} />
              </Meta>
            </Stack>
            {doc.repeals.length > 0 && (
              <Typography
                variant="body2"
                sx={{ mt: 0.5, color: 'error.dark' }}
                data-testid={`doc-repeals-${doc.docNo}`}
              >
                {translate('gazetteImport.repeals', { docNos: doc.repeals.join('、') })}
              </Typography>
            )}
            {doc.change === 'CHANGED' && <DocumentChanges doc={doc} />}
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}

function ValueChange({ before, after }: { before: string | null; after: string | null }) {
  return (
    <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      <Box component="span" sx={{ color: 'error.dark' }}>
        {before ?? '—'}
      </Box>
      {' → '}
      <Box component="span" sx={{ color: 'success.dark', fontWeight: 600 }}>
        {after ?? '—'}
      </Box>
    </Box>
  );
}

function RateChanges({ table }: { table: ImportTable }) {
  const translate = useTranslate();
  const rows = table.changes.flatMap((c) => {
    const label = entryLabel(table.kind, c, translate);
    const base = { id: `${c.key}|${c.field}`, key: c.key, label };
    if (c.field === 'attributes') {
      return attributeChanges(c.before, c.after).map((a) => ({
        ...base,
        id: `${base.id}|${a.attribute}`,
        field: `${translate('resources.rateEntries.fields.attributes')} · ${translate(`gazetteImport.attributes.${a.attribute}`, { _: a.attribute })}`,
        before: a.before,
        after: a.after,
      }));
    }
    const field =
      c.field === 'added'
        ? translate('rates.added')
        : c.field === 'removed'
          ? translate('rates.removed')
          : translate(`resources.rateEntries.fields.${c.field}`, { _: c.field });
    return [{ ...base, field, before: c.before, after: c.after }];
  });
  return (
    <TableContainer sx={{ mt: 1, maxHeight: 420 }}>
      <Table size="small" stickyHeader data-testid={`rate-changes-${table.tableKey}`}>
        <TableHead>
          <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
            <TableCell>{translate('gazetteImport.item')}</TableCell>
            <TableCell>{translate('gazetteImport.point')}</TableCell>
            <TableCell>{translate('gazetteImport.changeField')}</TableCell>
            <TableCell>{translate('gazetteImport.beforeAfter')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid={`rate-change-${r.id}`}>
              <TableCell>
                {r.label.item}
                {r.label.code && (
                  <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                    {r.label.code}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.label.point}</TableCell>
              <TableCell>{r.field}</TableCell>
              <TableCell>
                <ValueChange before={r.before} after={r.after} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function TablesSection({ tables, goTo }: { tables: ImportTable[]; goTo: GoTo }) {
  const translate = useTranslate();
  const fmt = useFormatters();
  return (
    <Box data-testid="import-tables">
      <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
        {translate('gazetteImport.tables', { n: tables.length })}
      </Typography>
      {tables.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('gazetteImport.noTables')}
        </Typography>
      )}
      <Stack spacing={1}>
        {tables.map((t) => (
          <Paper
            key={`${t.tableKey}|${t.docNo}`}
            variant="outlined"
            sx={{ p: 1.5 }}
            data-testid={`import-table-${t.tableKey}`}
          >
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
              <Chip
                size="small"
                color={ACTION_COLOR[t.action]}
                label={translate(`enums.GazetteTableAction.${t.action}`)}
                data-testid={`table-action-${t.tableKey}`}
              />
              <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600 }}>
                {t.name}
              </Typography>
            </Stack>
            <Stack
              direction="row"
              columnGap={2}
              rowGap={0.5}
              flexWrap="wrap"
              useFlexGap
              sx={{ mt: 0.5 }}
            >
              <Meta label={translate('resources.rateTables.fields.kind')}>
                {translate(`enums.RateTableKind.${t.kind}`, { _: t.kind })}
              </Meta>
              <Meta label={translate('resources.rateTables.fields.policy')}>{t.docNo}</Meta>
              <Meta label={translate('resources.rateTableVersions.fields.effectiveFrom')}>
                {fmt.date(t.effectiveFrom)}
              </Meta>
              <Meta label={translate('gazetteImport.entryCount')}>
                <span data-testid={`table-entries-${t.tableKey}`}>{t.entryCount}</span>
              </Meta>
              <Meta label={translate('gazetteImport.source')}>
                <LineLink from={t.lineFrom} to={t.lineTo} goTo={goTo} />
              </Meta>
            </Stack>
            {t.action === 'NEW_VERSION' &&
              (t.changes.length > 0 ? (
                <>
                  <Typography variant="subtitle2" sx={{ mt: 1 }}>
                    {translate('gazetteImport.changedEntries', { n: t.changes.length })}
                  </Typography>
                  <RateChanges table={t} />
                </>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {translate('gazetteImport.noPriceChanges')}
                </Typography>
              ))}
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}

export function QuartersSection({ quarters, kept }: { quarters: string[]; kept: Set<string> }) {
  const translate = useTranslate();
  return (
    <Box data-testid="import-quarters">
      <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
        {translate('gazetteImport.quarters')}
      </Typography>
      {quarters.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('gazetteImport.noQuarters')}
        </Typography>
      )}
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        {quarters.map((q) => (
          <Chip
            key={q}
            label={kept.has(q) ? `${q} ${translate('gazetteImport.quarterKept')}` : q}
            color={kept.has(q) ? 'default' : 'primary'}
            variant="outlined"
            data-testid={`import-quarter-${q}`}
          />
        ))}
      </Stack>
    </Box>
  );
}

/** Problems (or notes) by line; a click puts the editor's caret on that line. */
export function LineList({
  items,
  goTo,
  kind,
}: {
  items: ImportProblem[];
  goTo: GoTo;
  kind: 'problem' | 'note';
}) {
  const translate = useTranslate();
  return (
    <List
      dense
      disablePadding
      data-testid={kind === 'problem' ? 'import-problems' : 'import-notes'}
    >
      {items.map((p, i) => (
        <ListItemButton
          key={`${p.line}-${p.code}-${i}`}
          onClick={() => goTo(p.line)}
          data-testid={`import-${kind}-${p.line}`}
          sx={{ alignItems: 'flex-start', borderRadius: 1 }}
        >
          <Typography
            variant="body2"
            sx={{
              minWidth: 84,
              flex: 'none',
              fontWeight: 600,
              color: kind === 'problem' ? 'error.main' : 'text.secondary',
            }}
          >
            {translate('gazetteImport.lineN', { n: p.line })}
          </Typography>
          <ListItemText
            sx={{ my: 0 }}
            primary={p.message}
            secondary={p.code}
            slotProps={{ primary: { variant: 'body2' }, secondary: { variant: 'caption' } }}
          />
        </ListItemButton>
      ))}
    </List>
  );
}
