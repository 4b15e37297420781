// A secret the API returns once (an API token, a webhook's signing secret): the warning, the
// secret to select or copy, and what the receiver does with it.
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Button, Typography } from '@mui/material';

export function SecretShownOnce({
  secret,
  warning,
  testId,
  children,
}: {
  secret: string;
  /** The warning above it (translated). */
  warning: string;
  testId: string;
  /** Shown below the copy button. */
  children?: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="warning" sx={{ mb: 1 }}>
        {warning}
      </Alert>
      <Typography
        component="code"
        data-testid={testId}
        sx={{
          display: 'block',
          wordBreak: 'break-all',
          p: 1,
          bgcolor: 'grey.100',
          fontFamily: 'monospace',
        }}
      >
        {secret}
      </Typography>
      <Button sx={{ mt: 1 }} onClick={() => void navigator.clipboard?.writeText(secret)}>
        {translate('tokens.copy')}
      </Button>
      {children}
    </>
  );
}
