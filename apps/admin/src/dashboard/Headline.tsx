import { useTranslate } from 'react-admin';
import { Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import type { ComplianceSummary } from '../dataProvider/compliance.ts';
import { Panel } from './Panel.tsx';

function Figure({
  id,
  label,
  value,
  sub,
}: {
  id: string;
  label: string;
  value: string | number;
  sub?: string;
}) {
  return (
    <Card variant="outlined" sx={{ flex: '1 1 150px', minWidth: 150 }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography
          variant="h5"
          data-testid={`fig-${id}`}
          sx={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {value}
        </Typography>
        {sub && (
          <Typography variant="caption" color="text.secondary">
            {sub}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** A share done as a sentence and a bar under it. */
function RatioBar({
  text,
  value,
  color,
  testId,
}: {
  text: string;
  value: number;
  color?: 'secondary';
  testId?: string;
}) {
  return (
    <>
      <Typography variant="body2" data-testid={testId}>
        {text}
      </Typography>
      <LinearProgress
        variant="determinate"
        color={color}
        value={value}
        sx={{ height: 10, borderRadius: 5, my: 1 }}
      />
    </>
  );
}

/** The notice's headline figures for one quarter (泸市府室发〔2024〕34号 for 2024Q4). */
export function Headline({ summary }: { summary: ComplianceSummary }) {
  const translate = useTranslate();
  const s = summary;
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 100) : 100);
  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Figure
          id="websitesChecked"
          label={translate('dashboard.websitesChecked')}
          value={s.websitesChecked}
        />
        <Figure
          id="websitesWithIssues"
          label={translate('dashboard.websitesWithIssues')}
          value={s.websitesWithIssues}
        />
        <Figure
          id="websiteIssues"
          label={translate('dashboard.websiteIssues')}
          value={s.websiteIssues}
          sub={translate('dashboard.rectifiedOf', { n: s.websiteIssuesRectified })}
        />
        <Figure
          id="newMediaAccountsChecked"
          label={translate('dashboard.newMediaAccountsChecked')}
          value={s.newMediaAccountsChecked}
        />
        <Figure
          id="newMediaAccountsWithIssues"
          label={translate('dashboard.newMediaAccountsWithIssues')}
          value={s.newMediaAccountsWithIssues}
        />
        <Figure
          id="messages"
          label={translate('dashboard.messagesClosed')}
          value={`${s.messagesClosed}/${s.messagesReceived}`}
        />
        <Figure
          id="dataMissing"
          label={translate('dashboard.dataMissing')}
          value={`${s.baseDataMissing.length} + ${s.processDataMissing.length}`}
          sub={translate('dashboard.dataMissingSub')}
        />
      </Box>
      <Panel title={translate('dashboard.rectificationProgress')}>
        <RatioBar
          text={translate('dashboard.rectifiedRatio', {
            done: s.websiteIssuesRectified,
            total: s.websiteIssues,
            pct: pct(s.websiteIssuesRectified, s.websiteIssues),
          })}
          value={pct(s.websiteIssuesRectified, s.websiteIssues)}
          testId="rectification-progress"
        />
        <RatioBar
          text={translate('dashboard.messagesRatio', {
            done: s.messagesClosed,
            total: s.messagesReceived,
            pct: pct(s.messagesClosed, s.messagesReceived),
          })}
          value={pct(s.messagesClosed, s.messagesReceived)}
          color="secondary"
        />
      </Panel>
    </Box>
  );
}
