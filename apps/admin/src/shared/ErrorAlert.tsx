import { Alert } from '@mui/material';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { GraphQLRequestError } from '../graphql/client.ts';

/** An API error in people's words: the code's explanation, then the server's own message. */
export function errorText(error: unknown, translate: TranslateFunction): string {
  if (!(error instanceof Error)) return String(error);
  const code = error instanceof GraphQLRequestError ? error.code : undefined;
  const field =
    error instanceof GraphQLRequestError
      ? (error.extensions.field as string | undefined)
      : undefined;
  return `${code ? `${translate(`app.errors.${code}`, { _: code })}：` : ''}${error.message}${field ? `（${translate('app.errors.field')}：${field}）` : ''}`;
}

export function ErrorAlert({ error }: { error?: Error | null }) {
  const translate = useTranslate();
  if (!error) return null;
  return (
    <Alert severity="error" data-testid="error-alert" sx={{ my: 1 }}>
      {errorText(error, translate)}
    </Alert>
  );
}
