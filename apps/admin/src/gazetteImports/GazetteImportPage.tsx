// 导入公报 (administrators): paste or upload an issue's text, 读取 stores a draft and shows what it
// found and would change, problems jump to their line in the editor, 重新读取 reads the edited text
// as a new draft, 应用 writes it after a confirmation naming what will be written.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Title,
  useNavigate,
  useNotify,
  useParams,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Stack,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { refusedProblems, type GazetteImport } from '../dataProvider/gazetteImports.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { applySummary, type ApplySummary } from './review.ts';
import { IssueEditor, type IssueEditorHandle } from './IssueEditor.tsx';
import { DocumentsSection, LineList, QuartersSection, TablesSection } from './ImportReview.tsx';
import { ApplyDialog, useSummaryLines } from './ApplyDialog.tsx';
import { GAZETTE_IMPORTS_KEY, ImportHistory, STATUS_COLOR } from './ImportHistory.tsx';
import { useErrorText } from '../shared/errorText.ts';
import { useFormatters } from '../shared/fields.tsx';

type Failure =
  | { key: 'readFailed' | 'applyFailed' | 'loadFailed' | 'fileFailed'; error: unknown }
  | { key: 'empty' | 'fileType' | 'notFound' };

export function GazetteImportPage() {
  const { permissions, isPending } = usePermissions<string | null>();
  const translate = useTranslate();
  if (isPending) return null;
  if (permissions !== 'ADMIN') {
    return (
      <Box sx={{ p: 2 }}>
        <Title title="gazetteImport.title" />
        <Alert severity="warning" data-testid="import-forbidden">
          {translate('gazetteImport.adminsOnly')}
        </Alert>
      </Box>
    );
  }
  return <ImportWorkspace />;
}

function ImportWorkspace() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const fmt = useFormatters();
  const errorText = useErrorText();
  const summaryLines = useSummaryLines();
  const { id } = useParams<{ id?: string }>();
  const editor = useRef<IssueEditorHandle>(null);
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<GazetteImport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [applied, setApplied] = useState<{ issue: string; summary: ApplySummary } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const dataProvider = useGazetteDataProvider();
  const queryClient = useQueryClient();
  const oneKey = (importId: string | undefined) =>
    [...GAZETTE_IMPORTS_KEY, 'one', importId] as const;

  const [loadingId, setLoadingId] = useState<string | null>(null);
  const reading = useMutation({
    mutationFn: (issueText: string) => dataProvider.importGazetteIssue(issueText),
  });
  const applying = useMutation({
    mutationFn: (importId: string) => dataProvider.applyGazetteImport(importId),
  });
  const busy = reading.isPending
    ? 'read'
    : applying.isPending
      ? 'apply'
      : loadingId
        ? 'load'
        : null;

  // Reopening an import from the list (or a link): load it unless it is the one on screen.
  useEffect(() => {
    if (!id) {
      setDraft(null);
      setApplied(null);
      return;
    }
    if (draft?.id === id) return;
    let live = true;
    setLoadingId(id);
    setFailure(null);
    setApplied(null);
    queryClient
      .fetchQuery({
        queryKey: oneKey(id),
        queryFn: () => dataProvider.getGazetteImport(id),
        staleTime: 0,
        retry: false,
      })
      .then(
        (found) => {
          if (!live) return;
          setLoadingId(null);
          if (!found) return setFailure({ key: 'notFound' });
          setDraft(found);
          setText(found.text);
        },
        (error: unknown) => {
          if (!live) return;
          setLoadingId(null);
          setFailure({ key: 'loadFailed', error });
        },
      );
    return () => {
      live = false;
    };
    // Only a change of the id in the address loads another import (not a new draft on screen).
  }, [id]);

  /** A new or applied import: the list of recent ones shows it, a reopened link shows it as now. */
  function remember(found: GazetteImport) {
    queryClient.setQueryData(oneKey(found.id), found);
    void queryClient.invalidateQueries({ queryKey: [...GAZETTE_IMPORTS_KEY, 'recent'] });
  }

  const summary = useMemo(() => (draft ? applySummary(draft) : null), [draft]);
  const kept = useMemo(
    () => new Set((draft?.inspectionQuarters ?? []).filter((q) => !summary?.quarters.includes(q))),
    [draft, summary],
  );
  const problemLines = useMemo(() => draft?.problems.map((p) => p.line) ?? [], [draft]);
  const edited = draft !== null && text !== draft.text;
  const goTo = (line: number) => editor.current?.goToLine(line);

  async function read() {
    if (!text.trim()) return setFailure({ key: 'empty' });
    setFailure(null);
    setApplied(null);
    try {
      const found = await reading.mutateAsync(text);
      setDraft(found);
      setText(found.text);
      remember(found);
      navigate(`/gazette-imports/${encodeURIComponent(found.id)}`);
    } catch (error) {
      setFailure({ key: 'readFailed', error });
    }
  }

  async function apply() {
    if (!draft || !summary) return;
    setFailure(null);
    try {
      const done = await applying.mutateAsync(draft.id);
      setConfirming(false);
      setDraft(done);
      setApplied({ issue: done.issueLabel ?? '', summary });
      remember(done);
      notify('gazetteImport.applied', {
        type: 'success',
        messageArgs: { issue: done.issueLabel ?? '' },
      });
    } catch (error) {
      setConfirming(false);
      // Refused for problems found afresh against the database: show them like a reading's.
      const problems = refusedProblems(error);
      if (problems) setDraft({ ...draft, problems });
      setFailure({ key: 'applyFailed', error });
    }
  }

  async function loadFile(file: File | undefined) {
    if (!file) return;
    if (!/\.(md|markdown|txt)$/i.test(file.name)) return setFailure({ key: 'fileType' });
    try {
      setText(await file.text());
      setFailure(null);
      notify('gazetteImport.fileLoaded', { type: 'info', messageArgs: { name: file.name } });
    } catch (error) {
      setFailure({ key: 'fileFailed', error });
    }
  }

  const failureText = failure
    ? 'error' in failure
      ? translate(`gazetteImport.${failure.key}`, { reason: errorText(failure.error) })
      : translate(`gazetteImport.${failure.key}`)
    : null;
  const problems = draft?.problems ?? [];
  const canApply = draft?.status === 'DRAFT' && problems.length === 0 && !edited && busy === null;

  return (
    // A one-column grid whose track may shrink to 0: wide tables scroll inside their containers
    // instead of widening the page past a tablet's screen.
    <Box
      sx={{ py: 1, maxWidth: 1280, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}
      data-testid="gazette-import-page"
    >
      <Title title="gazetteImport.title" />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6">{translate('gazetteImport.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('gazetteImport.intro')}
          </Typography>
          <Stack
            direction="row"
            spacing={1}
            sx={{ mb: 1 }}
            alignItems="center"
            flexWrap="wrap"
            useFlexGap
          >
            <Button
              size="small"
              variant="outlined"
              component="label"
              startIcon={<UploadFileIcon />}
              sx={{ textTransform: 'none' }}
            >
              {translate('gazetteImport.chooseFile')}
              <input
                hidden
                type="file"
                accept=".md,.markdown,.txt,text/markdown,text/plain"
                data-testid="import-file"
                onChange={(e) => {
                  void loadFile(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </Button>
            <Button
              size="small"
              variant={draft && !edited ? 'outlined' : 'contained'}
              startIcon={busy === 'read' ? <CircularProgress size={16} /> : <PlayArrowIcon />}
              onClick={read}
              disabled={busy !== null}
              data-testid="import-read"
            >
              {translate(draft ? 'gazetteImport.reread' : 'gazetteImport.read')}
            </Button>
            {edited && (
              <Typography variant="body2" color="warning.dark" data-testid="import-edited">
                {translate('gazetteImport.edited')}
              </Typography>
            )}
          </Stack>
          {failureText && (
            <Alert severity="error" sx={{ mb: 1 }} data-testid="import-error">
              {failureText}
            </Alert>
          )}
          {problems.length > 0 && (
            <Alert
              severity="error"
              sx={{ mb: 1, '& .MuiAlert-message': { width: '100%' } }}
              data-testid="import-problems-box"
            >
              <Typography variant="subtitle2">
                {translate('gazetteImport.problems', { n: problems.length })}
              </Typography>
              <Typography variant="body2">{translate('gazetteImport.problemHint')}</Typography>
              <LineList items={problems} goTo={goTo} kind="problem" />
            </Alert>
          )}
          <IssueEditor ref={editor} value={text} onChange={setText} problemLines={problemLines} />
        </CardContent>
      </Card>

      {busy === 'load' && <CircularProgress sx={{ m: 2 }} />}
      {draft && summary && (
        <Card variant="outlined" sx={{ mt: 2 }} data-testid="import-result">
          <CardContent>
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
              <Typography variant="h6" data-testid="import-issue-label">
                {draft.issueLabel ?? translate('gazetteImport.unknownIssue')}
              </Typography>
              <Chip
                size="small"
                color={STATUS_COLOR[draft.status]}
                label={translate(`enums.GazetteImportStatus.${draft.status}`)}
                data-testid="import-status"
              />
              <Typography variant="body2" color="text.secondary">
                {translate('gazetteImport.readAt', { at: fmt.dateTime(draft.createdAt) })}
                {draft.appliedAt
                  ? ` · ${translate('gazetteImport.appliedAt', { at: fmt.dateTime(draft.appliedAt) })}`
                  : ''}
              </Typography>
              <Box flex={1} />
              {draft.status === 'DRAFT' && (
                <Button
                  variant="contained"
                  color="primary"
                  startIcon={<DoneAllIcon />}
                  disabled={!canApply}
                  onClick={() => setConfirming(true)}
                  data-testid="import-apply"
                >
                  {translate('gazetteImport.apply')}
                </Button>
              )}
            </Stack>
            {draft.status === 'DRAFT' && problems.length > 0 && (
              <Typography variant="body2" color="error" data-testid="apply-blocked">
                {translate('gazetteImport.applyBlocked', { n: problems.length })}
              </Typography>
            )}
            {draft.status === 'DRAFT' && problems.length === 0 && (
              <Typography variant="body2" color="success.dark" data-testid="import-ready">
                {translate(edited ? 'gazetteImport.edited' : 'gazetteImport.noProblems')}
              </Typography>
            )}
            {applied && (
              <Alert severity="success" sx={{ mt: 1 }} data-testid="apply-result">
                <Typography variant="subtitle2">
                  {translate('gazetteImport.appliedTitle', { issue: applied.issue })}
                </Typography>
                {applied.summary.empty ? (
                  <Typography variant="body2">
                    {translate('gazetteImport.appliedNothing')}
                  </Typography>
                ) : (
                  summaryLines(applied.summary).map((l) => (
                    <Typography key={l} variant="body2">
                      {l}
                    </Typography>
                  ))
                )}
              </Alert>
            )}
            <DocumentsSection documents={draft.documents} goTo={goTo} />
            <TablesSection tables={draft.tables} goTo={goTo} />
            <QuartersSection quarters={draft.inspectionQuarters} kept={kept} />
            <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
              {translate('gazetteImport.notes', { n: draft.notes.length })}
            </Typography>
            {draft.notes.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('gazetteImport.noNotes')}
              </Typography>
            ) : (
              <Box
                sx={{
                  maxHeight: 360,
                  overflow: 'auto',
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                }}
              >
                <LineList items={draft.notes} goTo={goTo} kind="note" />
              </Box>
            )}
          </CardContent>
        </Card>
      )}
      {draft && summary && (
        <ApplyDialog
          open={confirming}
          issueLabel={draft.issueLabel ?? translate('gazetteImport.unknownIssue')}
          summary={summary}
          busy={busy === 'apply'}
          onConfirm={apply}
          onClose={() => setConfirming(false)}
        />
      )}
      <ImportHistory currentId={draft?.id} />
    </Box>
  );
}
