import { useTranslate } from 'react-admin';
import { errorText } from './ErrorAlert.tsx';
import { GraphQLRequestError } from '../graphql/client.ts';

/**
 * An error in the chosen language (Chinese first): API errors through their code and message, and
 * a request that never reached the server (the browser's English `Failed to fetch`) said as such.
 */
export function useErrorText() {
  const translate = useTranslate();
  return (error: unknown): string => {
    if (error instanceof GraphQLRequestError) return errorText(error, translate);
    if (error instanceof TypeError) return `${translate('app.errors.network')}（${error.message}）`;
    return error instanceof Error ? error.message : String(error);
  };
}
