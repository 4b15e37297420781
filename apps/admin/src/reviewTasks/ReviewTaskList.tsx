// 有效期复核任务: the validity review of every document with an end date, soonest due first, with
// its assignee and outcome; overdue tasks are flagged (the home work list names the rate tables
// left without prices).
// Administrators assign and resolve; supervisors read.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';
import type { ReviewTask, ReviewTaskFilter } from '../dataProvider/reviewTasks.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { AssignDialog, ResolveDialog } from './ReviewTaskDialogs.tsx';

const TABS = ['open', 'overdue', 'resolved', 'all'] as const;
/** On a tablet the end date moves under the title, leaving room for the outcome and the actions. */
const WIDE_ONLY = { xs: 'none', lg: 'table-cell' } as const;
const NARROW_ONLY = { xs: 'block', lg: 'none' } as const;
type TabName = (typeof TABS)[number];

function filterOf(tab: TabName): ReviewTaskFilter {
  const asOf = today();
  if (tab === 'open') return { open: true, asOf };
  if (tab === 'overdue') return { overdue: true, asOf };
  if (tab === 'resolved') return { open: false, asOf };
  return { asOf };
}

function Outcome({ task }: { task: ReviewTask }) {
  const translate = useTranslate();
  if (!task.outcome) {
    return task.overdue ? (
      <Chip size="small" color="error" label={translate('reviewTasks.overdue')} />
    ) : (
      <Chip size="small" label={translate('reviewTasks.open')} />
    );
  }
  const label = translate(`enums.ReviewOutcome.${task.outcome}`);
  return (
    <Chip
      size="small"
      color="success"
      label={
        task.outcome === 'REPLACED' && task.replacedByDocNo
          ? `${label}：${task.replacedByDocNo}`
          : label
      }
    />
  );
}

export function ReviewTaskList() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const { date } = useFormatters();
  const { permissions } = usePermissions<string | null>();
  const isAdmin = permissions === 'ADMIN';
  const [tab, setTab] = useState<TabName>('open');
  const [open, setOpen] = useState<{ kind: 'assign' | 'resolve'; task: ReviewTask } | null>(null);
  const filter = filterOf(tab);
  // The tab's tasks; the previous tab's stay on screen until these arrive.
  const {
    data: result = null,
    error,
    refetch,
  } = useQuery({
    queryKey: ['reviewTasks', filter],
    queryFn: () => dataProvider.reviewTasks(filter),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const load = () => void refetch();
  const closed = (changed: boolean) => {
    setOpen(null);
    if (changed) {
      notify('reviewTasks.saved', { type: 'success' });
      load();
    }
  };

  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('app.menu.reviewTasks')} />
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate('reviewTasks.intro')}
        </Typography>
        <Tabs
          value={tab}
          onChange={(_e, v: TabName) => setTab(v)}
          variant="scrollable"
          sx={{ mb: 1 }}
        >
          {TABS.map((t) => (
            <Tab
              key={t}
              value={t}
              label={translate(`reviewTasks.tabs.${t}`)}
              data-testid={`tab-${t}`}
            />
          ))}
        </Tabs>
        <ErrorAlert error={error} />
        {result && (
          <Typography variant="body2" data-testid="review-count" sx={{ mb: 1 }}>
            {translate(
              result.total > result.rows.length ? 'reviewTasks.countShown' : 'reviewTasks.count',
              { n: result.total, shown: result.rows.length },
            )}
          </Typography>
        )}
        {result && result.rows.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="review-tasks">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.reviewTasks.fields.policy')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', display: WIDE_ONLY }}>
                    {translate('resources.reviewTasks.fields.expiresOn')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.reviewTasks.fields.dueOn')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.reviewTasks.fields.assignee')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.reviewTasks.fields.outcome')}
                  </TableCell>
                  {isAdmin && <TableCell />}
                </TableRow>
              </TableHead>
              <TableBody>
                {result.rows.map((task) => (
                  <TableRow key={task.id} data-testid="review-row">
                    <TableCell sx={{ minWidth: 180 }}>
                      <Link to={`/policies/${encodeURIComponent(task.policy.id)}/show`}>
                        {task.policy.docNo}
                      </Link>
                      {task.policy.isTrial && (
                        <Chip
                          size="small"
                          variant="outlined"
                          label={translate('reviewTasks.trial')}
                          sx={{ ml: 1 }}
                        />
                      )}
                      <Typography variant="body2">{task.policy.title}</Typography>
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        sx={{ display: NARROW_ONLY }}
                      >
                        {translate('resources.reviewTasks.fields.expiresOn')}：
                        {date(task.policy.expiresOn)}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap', display: WIDE_ONLY }}>
                      {date(task.policy.expiresOn)}
                    </TableCell>
                    <TableCell data-testid="review-due" sx={{ whiteSpace: 'nowrap' }}>
                      {date(task.dueOn)}
                    </TableCell>
                    <TableCell data-testid="review-assignee" sx={{ whiteSpace: 'nowrap' }}>
                      {task.assigneeLabel ?? translate('reviewTasks.unassigned')}
                    </TableCell>
                    <TableCell data-testid="review-outcome">
                      <Outcome task={task} />
                      {task.note && (
                        <Typography variant="caption" sx={{ display: 'block' }}>
                          {task.note}
                        </Typography>
                      )}
                    </TableCell>
                    {isAdmin && (
                      <TableCell sx={{ px: 0.5 }}>
                        {!task.outcome && (
                          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={0.5}>
                            <Button
                              size="small"
                              sx={{ minWidth: 0, whiteSpace: 'nowrap' }}
                              onClick={() => setOpen({ kind: 'assign', task })}
                            >
                              {translate('reviewTasks.assign')}
                            </Button>
                            <Button
                              size="small"
                              sx={{ minWidth: 0, whiteSpace: 'nowrap' }}
                              onClick={() => setOpen({ kind: 'resolve', task })}
                            >
                              {translate('reviewTasks.resolve')}
                            </Button>
                          </Stack>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
        {result && result.rows.length === 0 && (
          <Typography sx={{ py: 2 }} data-testid="review-empty">
            {translate('reviewTasks.empty')}
          </Typography>
        )}
      </CardContent>
      {open?.kind === 'assign' && <AssignDialog task={open.task} onClose={closed} />}
      {open?.kind === 'resolve' && <ResolveDialog task={open.task} onClose={closed} />}
    </Card>
  );
}
