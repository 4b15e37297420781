import { useEffect } from 'react';
import { useGetOne, useLocaleState, useParams, useTranslate } from 'react-admin';
import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { renderNotice, type NoticeKind } from '@gazette/domain';
import type { CaseRecord } from './CaseShow.tsx';

/**
 * A notice laid out as its annex form in 泸市监规发〔2024〕2号 (title, number, addressee,
 * body, issuer and date), on an A4 page; the print button hides itself when printing.
 */
/** 2025-01-02 → 2025年1月2日, as the notices print dates. */
function printedDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function NoticePrint() {
  const { id, kind } = useParams<{ id: string; kind: NoticeKind }>();
  const translate = useTranslate();
  const f = (k: string) => translate(`resources.cases.fields.${k}`);
  const [, setLocale] = useLocaleState();
  const { data, isPending, error } = useGetOne<CaseRecord & { id: string }>('cases', {
    id: decodeURIComponent(id ?? ''),
  });
  useEffect(() => {
    document.title = translate(`enums.NoticeKind.${kind}`);
  }, [kind, translate]);
  void setLocale;
  if (isPending) return <CircularProgress />;
  if (error || !data) return <Typography>{translate('ra.page.not_found')}</Typography>;
  const notice = data.notices.find((n) => n.kind === kind);
  if (!notice) return <Typography>{translate('ra.page.not_found')}</Typography>;
  const rendered = renderNotice(
    kind as NoticeKind,
    { ...data, number: notice.number, issuedOn: notice.issuedOn } as never,
  );
  return (
    <Box
      sx={{
        bgcolor: '#eee',
        minHeight: '100vh',
        py: 3,
        '@media print': { bgcolor: 'white', py: 0 },
      }}
    >
      <Box sx={{ textAlign: 'center', mb: 2, '@media print': { display: 'none' } }}>
        <Button variant="contained" onClick={() => window.print()} data-testid="do-print">
          {translate('cases.print')}
        </Button>
        <Button onClick={() => window.history.back()} sx={{ ml: 1 }}>
          {translate('ra.action.back')}
        </Button>
      </Box>
      <Box
        data-testid="notice-page"
        sx={{
          width: '210mm',
          minHeight: '297mm',
          mx: 'auto',
          bgcolor: 'white',
          boxSizing: 'border-box',
          p: '37mm 26mm 35mm 28mm',
          fontFamily: '"FangSong","STFangsong","仿宋","Noto Serif CJK SC",serif',
          fontSize: '16pt',
          lineHeight: 1.8,
          color: 'black',
          boxShadow: 2,
          '@media print': { boxShadow: 'none', m: 0 },
        }}
      >
        <Typography
          component="h1"
          sx={{
            fontFamily: '"SimHei","Noto Sans CJK SC",sans-serif',
            fontSize: '22pt',
            textAlign: 'center',
            letterSpacing: '0.2em',
            mb: 1,
          }}
          data-testid="notice-title"
        >
          {rendered.title}
        </Typography>
        <Typography sx={{ textAlign: 'right', font: 'inherit', mb: 3 }} data-testid="notice-number">
          {rendered.number}
        </Typography>
        <Typography sx={{ font: 'inherit' }}>{rendered.addressee}：</Typography>
        {rendered.paragraphs.map((p, i) => (
          <Typography key={i} sx={{ font: 'inherit', textIndent: '2em', textAlign: 'justify' }}>
            {p}
          </Typography>
        ))}
        <Box sx={{ mt: 3 }} data-testid="notice-contacts">
          {data.caseFiledOn && (
            <Typography sx={{ font: 'inherit' }}>
              {f('caseFiledOn')}：{printedDate(data.caseFiledOn)}
            </Typography>
          )}
          {data.department && (
            <Typography sx={{ font: 'inherit' }}>
              {f('department')}：{data.department}
            </Typography>
          )}
          {(data.contactName || data.contactPhone) && (
            <Typography sx={{ font: 'inherit' }}>
              {f('contactName')}：{data.contactName ?? ''}
              {'\u3000'}
              {f('contactPhone')}：{data.contactPhone ?? ''}
            </Typography>
          )}
        </Box>
        <Box sx={{ mt: 8, textAlign: 'right', pr: '2em' }}>
          <Typography sx={{ font: 'inherit' }}>{rendered.issuer}</Typography>
          <Typography sx={{ font: 'inherit' }}>{rendered.date}</Typography>
        </Box>
        {rendered.footnote && (
          <Typography sx={{ mt: 6, fontSize: '12pt', borderTop: '1px solid black', pt: 1 }}>
            {rendered.footnote}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
