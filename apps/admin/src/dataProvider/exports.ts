// Streamed exports: GET /exports/… on the same origin with the session's bearer token (as /graphql),
// read into a Blob to save. A refusal carries the server's code and Chinese message like a
// GraphQL error, so the dashboard says it the same way.
import { getToken } from '../auth/token.ts';
import { GraphQLRequestError } from '../graphql/client.ts';

export interface ExportedFile {
  fileName: string;
  blob: Blob;
}

/** The name the server gives (RFC 5987 `filename*`, else `filename`), or `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/iu.exec(disposition ?? '');
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {
      // a malformed name: the plain one below
    }
  }
  return /filename="([^"]+)"/iu.exec(disposition ?? '')?.[1] ?? fallback;
}

export async function fetchExport(path: string, fallbackName: string): Promise<ExportedFile> {
  const token = getToken();
  const response = await fetch(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    let error: { code?: string; message?: string; field?: string } = {};
    try {
      error = ((await response.json()) as { error?: typeof error }).error ?? {};
    } catch {
      // not the API's JSON (a proxy's page): the status says enough
    }
    throw new GraphQLRequestError(
      [
        {
          message: error.message ?? `HTTP ${response.status}`,
          extensions: {
            code: error.code ?? 'INTERNAL_SERVER_ERROR',
            ...(error.field ? { field: error.field } : {}),
          },
        },
      ],
      response.status,
    );
  }
  const blob = await response.blob();
  return { fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName), blob };
}
