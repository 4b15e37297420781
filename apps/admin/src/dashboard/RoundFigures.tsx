import { useTranslate } from 'react-admin';
import { Box, Button, Typography } from '@mui/material';
import type { InspectionRound, RoundCount } from '../dataProvider/compliance.ts';
import { useFormatters } from '../shared/fields.tsx';
import { Panel } from './Panel.tsx';

/** The counts as the 通报 groups them: websites by kind, new-media accounts, messages. */
const COUNT_LINES: RoundCount[][] = [
  ['cityPortalsChecked', 'districtPortalsChecked', 'departmentSitesChecked'],
  ['newMediaAccountsChecked', 'newMediaDistricts', 'newMediaParks', 'newMediaDepartments'],
  ['messagesReceived', 'messagesClosed', 'messagesOverdue'],
];

function Item({ id, label, value }: { id: string; label: string; value: string | number }) {
  return (
    <Typography variant="body2" component="span" sx={{ mr: 2, whiteSpace: 'nowrap' }}>
      {label}：<strong data-testid={`round-fig-${id}`}>{value}</strong>
    </Typography>
  );
}

/** The quarter's figures as the 通报 prints them: 检测时间, the 通报, websites by kind, accounts, messages. */
export function RoundFigures({ round, onEdit }: { round: InspectionRound; onEdit?: () => void }) {
  const translate = useTranslate();
  const { date } = useFormatters();
  const f = (k: string) => translate(`dashboard.round.fields.${k}`);
  return (
    <Panel
      title={translate('dashboard.round.title')}
      testId="round-figures"
      action={
        onEdit ? (
          <Button size="small" variant="outlined" onClick={onEdit} data-testid="round-edit">
            {translate('dashboard.round.edit')}
          </Button>
        ) : null
      }
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Item
          id="window"
          label={translate('dashboard.round.window')}
          value={`${date(round.windowStart)} — ${date(round.windowEnd)}`}
        />
        <Item id="policy" label={f('policyId')} value={round.policy ? round.policy.docNo : '—'} />
      </Box>
      {COUNT_LINES.map((line) => (
        <Box key={line[0]} sx={{ display: 'flex', flexWrap: 'wrap', rowGap: 0.5, mt: 0.5 }}>
          {line.map((k) => (
            <Item key={k} id={k} label={f(k)} value={round[k]} />
          ))}
        </Box>
      ))}
    </Panel>
  );
}
