import { useParams, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Box, Typography } from '@mui/material';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { PrintSheet, TITLE_FONT } from './PrintSheet.tsx';

/**
 * A notice laid out as its annex form in 泸市监规发〔2024〕2号 (title, number, addressee, body,
 * issuer and date), on an A4 page, exactly as the API renders it (`Notice.print`).
 */
export function NoticePrint() {
  const { id = '', kind } = useParams<{ id: string; kind: string }>();
  const caseId = decodeURIComponent(id);
  const translate = useTranslate();
  const f = (k: string) => translate(`resources.cases.fields.${k}`);
  const dataProvider = useGazetteDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: ['cases', 'noticePrints', caseId],
    queryFn: () => dataProvider.caseNoticePrints(caseId),
  });
  const notice = data?.find((n) => n.kind === kind)?.print;
  return (
    <PrintSheet
      title={translate(`enums.NoticeKind.${kind}`)}
      state={isPending ? 'loading' : notice ? 'ready' : 'missing'}
      error={error}
      testId="notice-page"
    >
      {notice && (
        <>
          <Typography
            component="h1"
            sx={{
              fontFamily: TITLE_FONT,
              fontSize: '22pt',
              textAlign: 'center',
              letterSpacing: '0.2em',
              mb: 1,
            }}
            data-testid="notice-title"
          >
            {notice.title}
          </Typography>
          <Typography
            sx={{ textAlign: 'right', font: 'inherit', mb: 3 }}
            data-testid="notice-number"
          >
            {notice.number}
          </Typography>
          <Typography sx={{ font: 'inherit' }}>{notice.addressee}：</Typography>
          {notice.paragraphs.map((p, i) => (
            <Typography key={i} sx={{ font: 'inherit', textIndent: '2em', textAlign: 'justify' }}>
              {p}
            </Typography>
          ))}
          <Box sx={{ mt: 3 }} data-testid="notice-contacts">
            {notice.caseFiledOn && (
              <Typography sx={{ font: 'inherit' }}>
                {f('caseFiledOn')}：{notice.caseFiledOn}
              </Typography>
            )}
            {notice.department && (
              <Typography sx={{ font: 'inherit' }}>
                {f('department')}：{notice.department}
              </Typography>
            )}
            {(notice.contactName || notice.contactPhone) && (
              <Typography sx={{ font: 'inherit' }}>
                {f('contactName')}：{notice.contactName ?? ''}
                {'\u3000'}
                {f('contactPhone')}：{notice.contactPhone ?? ''}
              </Typography>
            )}
          </Box>
          <Box sx={{ mt: 8, textAlign: 'right', pr: '2em' }}>
            <Typography sx={{ font: 'inherit' }}>{notice.issuer}</Typography>
            <Typography sx={{ font: 'inherit' }}>{notice.date}</Typography>
          </Box>
          {notice.footnote && (
            <Typography sx={{ mt: 6, fontSize: '12pt', borderTop: '1px solid black', pt: 1 }}>
              {notice.footnote}
            </Typography>
          )}
        </>
      )}
    </PrintSheet>
  );
}
