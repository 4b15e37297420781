import { useTranslate } from 'react-admin';
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { InspectionRound } from '../dataProvider/compliance.ts';
import { useFormatters } from '../shared/fields.tsx';

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
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="round-figures">
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
          <Typography variant="subtitle1">{translate('dashboard.round.title')}</Typography>
          <Box flex={1} />
          {onEdit && (
            <Button size="small" variant="outlined" onClick={onEdit} data-testid="round-edit">
              {translate('dashboard.round.edit')}
            </Button>
          )}
        </Stack>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Item
            id="window"
            label={translate('dashboard.round.window')}
            value={`${date(round.windowStart)} — ${date(round.windowEnd)}`}
          />
          <Item id="policy" label={f('policyId')} value={round.policy ? round.policy.docNo : '—'} />
        </Box>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', rowGap: 0.5, mt: 0.5 }}>
          <Item
            id="cityPortalsChecked"
            label={f('cityPortalsChecked')}
            value={round.cityPortalsChecked}
          />
          <Item
            id="districtPortalsChecked"
            label={f('districtPortalsChecked')}
            value={round.districtPortalsChecked}
          />
          <Item
            id="departmentSitesChecked"
            label={f('departmentSitesChecked')}
            value={round.departmentSitesChecked}
          />
        </Box>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', rowGap: 0.5, mt: 0.5 }}>
          <Item
            id="newMediaAccountsChecked"
            label={f('newMediaAccountsChecked')}
            value={round.newMediaAccountsChecked}
          />
          <Item
            id="newMediaDistricts"
            label={f('newMediaDistricts')}
            value={round.newMediaDistricts}
          />
          <Item id="newMediaParks" label={f('newMediaParks')} value={round.newMediaParks} />
          <Item
            id="newMediaDepartments"
            label={f('newMediaDepartments')}
            value={round.newMediaDepartments}
          />
        </Box>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', rowGap: 0.5, mt: 0.5 }}>
          <Item
            id="messagesReceived"
            label={f('messagesReceived')}
            value={round.messagesReceived}
          />
          <Item id="messagesClosed" label={f('messagesClosed')} value={round.messagesClosed} />
          <Item id="messagesOverdue" label={f('messagesOverdue')} value={round.messagesOverdue} />
        </Box>
      </CardContent>
    </Card>
  );
}
