// The print pages' common parts: one A4 sheet without the app's chrome, and their routes.
import { useEffect, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, CircularProgress, GlobalStyles, Typography } from '@mui/material';

/** The route's kind for 附件1 (the 审批表 use their ApprovalFormKind). */
export const APPLICATION_FORM = 'APPLICATION';

/** Where a case's notice of `kind` prints. */
export const noticePrintPath = (caseId: string, kind: string) =>
  `/print/cases/${encodeURIComponent(caseId)}/${kind}`;

/** Where a case's 审批表 (or, for APPLICATION_FORM, its 申请书) prints. */
export const formPrintPath = (caseId: string, kind: string) =>
  `/print/cases/${encodeURIComponent(caseId)}/forms/${kind}`;

/** The printed forms' typefaces: 仿宋 for the text, 黑体 for titles. */
export const PRINT_FONT = '"FangSong","STFangsong","仿宋","Noto Serif CJK SC",serif';
export const TITLE_FONT = '"SimHei","Noto Sans CJK SC",sans-serif';

/**
 * A printable page: a print and a back button (hidden when printing) above one A4 sheet; on paper
 * only the sheet remains. `state` shows loading, or the not-found text when there is nothing to print.
 */
export function PrintSheet({
  title,
  state,
  error,
  testId,
  padding = '37mm 26mm 35mm 28mm',
  children,
}: {
  title: string;
  state: 'loading' | 'missing' | 'ready';
  /** A failed request: its reason is shown instead of the page. */
  error?: Error | null;
  testId: string;
  padding?: string;
  children?: ReactNode;
}) {
  const translate = useTranslate();
  useEffect(() => {
    document.title = title;
  }, [title]);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (state === 'loading') return <CircularProgress />;
  if (state === 'missing') return <Typography>{translate('ra.page.not_found')}</Typography>;
  return (
    <Box
      sx={{
        bgcolor: '#eee',
        minHeight: '100vh',
        py: 3,
        '@media print': { bgcolor: 'white', py: 0 },
      }}
    >
      {/* The sheet is the page: its padding holds the form's margins. */}
      <GlobalStyles styles={{ '@page': { size: 'A4', margin: 0 } }} />
      <Box sx={{ textAlign: 'center', mb: 2, '@media print': { display: 'none' } }}>
        <Button variant="contained" onClick={() => window.print()} data-testid="do-print">
          {translate('cases.print')}
        </Button>
        <Button onClick={() => window.history.back()} sx={{ ml: 1 }}>
          {translate('ra.action.back')}
        </Button>
      </Box>
      <Box
        data-testid={testId}
        sx={{
          width: '210mm',
          minHeight: '297mm',
          mx: 'auto',
          bgcolor: 'white',
          boxSizing: 'border-box',
          p: padding,
          fontFamily: PRINT_FONT,
          fontSize: '16pt',
          lineHeight: 1.8,
          color: 'black',
          boxShadow: 2,
          '@media print': { boxShadow: 'none', m: 0 },
        }}
      >
        {children}
      </Box>
    </Box>
  );
}
