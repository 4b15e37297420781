import { useCallback, useState } from 'react';
import { GraphQLRequestError } from '../graphql/client.ts';

/** Runs one request at a time and keeps its result or its error for display. */
export function useAsync<A extends unknown[], T>(fn: (...args: A) => Promise<T>) {
  const [state, setState] = useState<{
    loading: boolean;
    data?: T;
    error?: GraphQLRequestError | Error;
  }>({ loading: false });
  const run = useCallback(
    async (...args: A) => {
      setState((s) => ({ ...s, loading: true, error: undefined }));
      try {
        const data = await fn(...args);
        setState({ loading: false, data });
        return data;
      } catch (error) {
        setState({ loading: false, error: error as Error });
        return undefined;
      }
    },
    [fn],
  );
  return { ...state, run, reset: () => setState({ loading: false }) };
}
