import { useRecordContext, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { compareDates, daysBetween } from '@gazette/domain';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';

interface Point {
  key: string;
  date: string;
}

/** Signed → in force → last day in force, with today marked, on one proportional line. */
export function ValidityTimeline() {
  const record = useRecordContext<{
    signedOn: string;
    effectiveFrom: string;
    expiresOn: string | null;
    isTrial: boolean;
  }>();
  const translate = useTranslate();
  const fmt = useFormatters();
  if (!record) return null;
  const now = today();
  const end =
    record.expiresOn ?? (compareDates(now, record.effectiveFrom) > 0 ? now : record.effectiveFrom);
  const start = record.signedOn;
  const span = Math.max(1, daysBetween(start, end));
  const at = (d: string) => `${Math.min(100, Math.max(0, (daysBetween(start, d) / span) * 100))}%`;
  const points: Point[] = [
    { key: 'signedOn', date: record.signedOn },
    { key: 'effectiveFrom', date: record.effectiveFrom },
    ...(record.expiresOn ? [{ key: 'expiresOn', date: record.expiresOn }] : []),
  ];
  const inForceFrom = at(record.effectiveFrom);
  return (
    <Box sx={{ position: 'relative', height: 92, mx: 4, my: 2 }} data-testid="validity-timeline">
      <Box
        sx={{
          position: 'absolute',
          top: 40,
          left: 0,
          right: 0,
          height: 6,
          bgcolor: 'grey.300',
          borderRadius: 3,
        }}
      />
      <Box
        sx={{
          position: 'absolute',
          top: 40,
          left: inForceFrom,
          right: record.expiresOn ? 0 : '-2%',
          height: 6,
          bgcolor: record.isTrial ? 'warning.main' : 'success.main',
          borderRadius: 3,
          ...(record.expiresOn
            ? {}
            : { backgroundImage: 'linear-gradient(90deg, transparent 80%, white)' }),
        }}
      />
      {points.map((p, i) => (
        <Box
          key={p.key}
          sx={{
            position: 'absolute',
            left: at(p.date),
            top: i % 2 ? 52 : 0,
            transform: 'translateX(-50%)',
            textAlign: 'center',
            whiteSpace: 'nowrap',
          }}
        >
          <Typography variant="caption" display="block" color="text.secondary">
            {translate(`resources.policies.fields.${p.key}`)}
          </Typography>
          <Typography variant="caption" display="block">
            {fmt.date(p.date)}
          </Typography>
        </Box>
      ))}
      {compareDates(now, start) >= 0 && compareDates(now, end) <= 0 && (
        <Box
          sx={{
            position: 'absolute',
            left: at(now),
            top: 30,
            height: 26,
            borderLeft: '2px dashed',
            borderColor: 'primary.main',
          }}
          title={translate('policies.today')}
        />
      )}
      {!record.expiresOn && (
        <Typography variant="caption" sx={{ position: 'absolute', right: -8, top: 52 }}>
          {translate('policies.noLimit')}
        </Typography>
      )}
    </Box>
  );
}
