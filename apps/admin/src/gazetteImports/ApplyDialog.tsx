import { useTranslate } from 'react-admin';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import type { ApplySummary } from './review.ts';

/** The lines of what applying will write, in people's words (used by the dialog and the result). */
export function useSummaryLines() {
  const translate = useTranslate();
  return (s: ApplySummary): string[] => [
    ...(s.newDocuments.length
      ? [
          translate('gazetteImport.summary.newDocuments', {
            n: s.newDocuments.length,
            docNos: s.newDocuments.map((d) => d.docNo).join('、'),
          }),
        ]
      : []),
    ...(s.changedDocuments.length
      ? [
          translate('gazetteImport.summary.changedDocuments', {
            n: s.changedDocuments.length,
            docNos: s.changedDocuments.map((d) => d.docNo).join('、'),
          }),
        ]
      : []),
    ...(s.newTables.length
      ? [
          translate('gazetteImport.summary.newTables', {
            n: s.newTables.length,
            names: s.newTables.map((t) => t.name).join('、'),
          }),
        ]
      : []),
    ...(s.newVersions.length
      ? [
          translate('gazetteImport.summary.newVersions', {
            n: s.newVersions.length,
            names: s.newVersions.map((t) => `${t.name}（${t.effectiveFrom}）`).join('、'),
          }),
        ]
      : []),
    ...s.repeals.map((r) =>
      translate('gazetteImport.summary.repeal', { docNo: r.docNo, by: r.by }),
    ),
    ...(s.quarters.length
      ? [translate('gazetteImport.summary.quarters', { quarters: s.quarters.join('、') })]
      : []),
  ];
}

export function ApplyDialog({
  open,
  issueLabel,
  summary,
  busy,
  onConfirm,
  onClose,
}: {
  open: boolean;
  issueLabel: string;
  summary: ApplySummary;
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const translate = useTranslate();
  const lines = useSummaryLines()(summary);
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="apply-confirm"
    >
      <DialogTitle>{translate('gazetteImport.confirmTitle', { issue: issueLabel })}</DialogTitle>
      <DialogContent>
        {summary.empty ? (
          <Typography data-testid="apply-confirm-nothing">
            {translate('gazetteImport.confirmNothing')}
          </Typography>
        ) : (
          <>
            <Typography>{translate('gazetteImport.confirmIntro')}</Typography>
            <List dense data-testid="apply-confirm-lines">
              {lines.map((l) => (
                <ListItem key={l} disableGutters>
                  <ListItemText primary={`• ${l}`} />
                </ListItem>
              ))}
            </List>
          </>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('gazetteImport.confirmAudit')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={onConfirm}
          disabled={busy}
          data-testid="apply-confirm-ok"
        >
          {translate('gazetteImport.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
