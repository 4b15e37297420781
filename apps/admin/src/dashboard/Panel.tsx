import type { ReactNode } from 'react';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';

/**
 * One section of the compliance page: an outlined card under its title. With `action` (even null:
 * a button shown only to some) the title sits in a row that keeps the action at its right.
 */
export function Panel({
  title,
  action,
  gutterBottom = false,
  spaced = true,
  testId,
  children,
}: {
  title: ReactNode;
  action?: ReactNode;
  gutterBottom?: boolean;
  /** A gap below the card (none when the grid spaces it). */
  spaced?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const heading = (
    <Typography variant="subtitle1" gutterBottom={gutterBottom}>
      {title}
    </Typography>
  );
  return (
    <Card variant="outlined" sx={spaced ? { mb: 2 } : undefined} data-testid={testId}>
      <CardContent>
        {action !== undefined ? (
          <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
            {heading}
            <Box flex={1} />
            {action}
          </Stack>
        ) : (
          heading
        )}
        {children}
      </CardContent>
    </Card>
  );
}
