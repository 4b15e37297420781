import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Alert,
  Button,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import type { ApiRepeatFinding } from '../dataProvider/compliance.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { errorText } from '../shared/ErrorAlert.tsx';

/** Runs a page holds: a screenful a supervisor reads before asking for more. */
export const REPEATS_PER_PAGE = 25;

/**
 * The runs of findings repeated across consecutive quarters that include `quarter`, a page at a
 * time (repeatFindingRuns): 加载更多 appends the next page. A failed request is said as such, never
 * shown as “none”; a failed next page keeps the runs already listed and can be asked for again.
 * Mounted afresh (by key) for each quarter and reload.
 */
export function RepeatFindings({ quarter }: { quarter: string }) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [runs, setRuns] = useState<ApiRepeatFinding[]>([]);
  // The cursor of the next page; null once the last page is in. Undefined before the first.
  const [after, setAfter] = useState<string | null | undefined>(undefined);
  // The quarter's runs, as the first page said.
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const load = (cursor: string | null) => {
    setLoading(true);
    setError(null);
    dataProvider.repeatFindingRuns(quarter, REPEATS_PER_PAGE, cursor).then(
      (page) => {
        if (!live.current) return;
        // The first page replaces (an effect may run twice), a next one appends.
        setRuns((shown) => (cursor ? [...shown, ...page.runs] : page.runs));
        setAfter(page.after);
        if (!cursor) setTotal(page.total);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live.current) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
  };
  useEffect(() => load(null), []);

  const failed = error && (
    <Alert
      severity="error"
      sx={{ mt: 1 }}
      data-testid={after === undefined ? 'repeats-error' : 'repeats-more-error'}
    >
      {translate('dashboard.repeatsFailed', { reason: errorText(error, translate) })}
    </Alert>
  );
  // Before the first page is in, nothing is said about what it holds.
  if (after === undefined) return failed || <CircularProgress size={20} />;
  if (runs.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="no-repeats">
        {translate('dashboard.noRepeats')}
      </Typography>
    );
  }
  return (
    <>
      <List dense data-testid="repeats-list">
        {runs.map((r) => (
          <ListItem key={r.cursor}>
            <ListItemText
              primary={`${r.organization.name} · ${r.subject}`}
              secondary={`${r.issue}（${r.quarters.join('、')}）`}
            />
          </ListItem>
        ))}
      </List>
      {failed}
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 1 }}>
        <Typography variant="body2" color="text.secondary" data-testid="repeats-shown">
          {total !== null
            ? translate('dashboard.repeatsShownOf', { count: runs.length, total })
            : translate(after ? 'dashboard.repeatsShownMore' : 'dashboard.repeatsShown', {
                count: runs.length,
              })}
        </Typography>
        {after && (
          <Button
            size="small"
            variant="outlined"
            disabled={loading}
            onClick={() => load(after)}
            data-testid="repeats-more"
          >
            {translate('dashboard.repeatsLoadMore')}
          </Button>
        )}
        {loading && <CircularProgress size={20} />}
      </Stack>
    </>
  );
}
