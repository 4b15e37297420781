import { Link, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  List,
  ListItemButton,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import type { GazetteDataProvider } from '../dataProvider/dataProvider.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import {
  caseRows,
  draftRows,
  findingRows,
  policyRows,
  WINDOW_DAYS,
  type WorkRow,
} from './build.ts';
import { errorText } from '../shared/ErrorAlert.tsx';
import { formatDate } from '../shared/format.ts';
import { today } from '../shared/today.ts';

type Section = WorkRow['section'];
interface SectionData {
  rows: WorkRow[];
  quarter?: string | null;
}

/** The sections a role sees: drafts for administrators, findings for supervisors and administrators. */
export function sectionsFor(role: string | null | undefined): Section[] {
  if (role === 'ADMIN') return ['policies', 'drafts', 'cases', 'findings'];
  if (role === 'SUPERVISOR') return ['policies', 'cases', 'findings'];
  if (role === 'VIEWER') return ['policies', 'cases'];
  return [];
}

async function load(
  dataProvider: GazetteDataProvider,
  section: Section,
  asOf: string,
): Promise<SectionData> {
  if (section === 'policies')
    return { rows: policyRows(await dataProvider.policyWork(asOf, WINDOW_DAYS), asOf) };
  if (section === 'drafts') return { rows: draftRows(await dataProvider.draftWork(), asOf) };
  if (section === 'cases') return { rows: caseRows(await dataProvider.caseWork(), asOf) };
  const { quarter, findings } = await dataProvider.findingWork();
  return { rows: findingRows(findings), quarter };
}

const SEVERITY_COLOR = { error: 'error', warning: 'warning', info: 'default' } as const;
/** Rows shown per section before 查看全部. */
const SHOWN = 8;

function Row({ row }: { row: WorkRow }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Dates in the values are plain dates: print them the project's way.
  const t = (m: { key: string; values: Record<string, string | number> }) =>
    translate(
      m.key,
      Object.fromEntries(
        Object.entries(m.values).map(([k, v]) => [
          k,
          typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, locale) : v,
        ]),
      ),
    );
  return (
    <ListItemButton
      component={Link}
      to={row.to}
      data-testid="work-row"
      data-key={row.key}
      sx={{ alignItems: 'flex-start', px: 1 }}
    >
      <ListItemText
        primary={
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <Typography component="span" variant="body2" fontWeight={600} data-testid="work-head">
              {row.head}
            </Typography>
            <Chip
              size="small"
              color={SEVERITY_COLOR[row.severity]}
              label={t(row.status)}
              data-testid="work-status"
            />
            <Typography
              component="span"
              variant="body2"
              color="text.secondary"
              sx={{ overflowWrap: 'anywhere' }}
            >
              {row.title}
            </Typography>
          </Stack>
        }
        secondary={
          row.effects.length ? (
            <span data-testid="work-effects">{row.effects.map(t).join('；')}</span>
          ) : undefined
        }
      />
    </ListItemButton>
  );
}

const MORE_LINK: Record<Section, string> = {
  policies: '/policies',
  drafts: '/rateTables',
  cases: `/cases?filter=${encodeURIComponent(JSON.stringify({ state: 'UNDER_REVIEW' }))}`,
  findings: '/websiteFindings',
};

/** 待办: what needs attention now, for the signed-in role; each row opens its record. */
export function WorkList() {
  const translate = useTranslate();
  const { permissions } = usePermissions<string | null>();
  const sections = sectionsFor(permissions);
  if (!sections.length) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="work-list">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('worklist.title')}
        </Typography>
        {sections.map((s) => (
          <WorkSection key={s} section={s} />
        ))}
      </CardContent>
    </Card>
  );
}

/** One section, read on its own: a failure says so without hiding the others. */
function WorkSection({ section: s }: { section: Section }) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const asOf = today();
  const {
    data: st,
    error,
    isPending,
  } = useQuery({
    queryKey: ['worklist', s, asOf],
    queryFn: () => load(dataProvider, s, asOf),
    retry: false,
  });
  const rows = st?.rows ?? [];
  return (
    <Box sx={{ mb: 1.5 }} data-testid={`work-${s}`}>
      <Stack direction="row" spacing={1} alignItems="baseline">
        <Typography variant="subtitle2">
          {translate(`worklist.sections.${s}`, { days: WINDOW_DAYS, quarter: st?.quarter ?? '' })}
        </Typography>
        {st && (
          <Typography variant="caption" color="text.secondary" data-testid={`work-${s}-count`}>
            {translate('worklist.count', { n: rows.length })}
          </Typography>
        )}
      </Stack>
      {isPending && !error && <CircularProgress size={16} />}
      {error && (
        <Alert severity="error" sx={{ mt: 0.5 }} data-testid={`work-${s}-error`}>
          {translate('worklist.failed', { reason: errorText(error, translate) })}
        </Alert>
      )}
      {st && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary" data-testid={`work-${s}-empty`}>
          {translate(`worklist.empty.${s}`)}
        </Typography>
      )}
      {rows.length > 0 && (
        <List dense disablePadding>
          {rows.slice(0, SHOWN).map((r) => (
            <Row key={r.key} row={r} />
          ))}
        </List>
      )}
      {rows.length > SHOWN && (
        <Link to={MORE_LINK[s]}>{translate('worklist.more', { n: rows.length })}</Link>
      )}
    </Box>
  );
}
