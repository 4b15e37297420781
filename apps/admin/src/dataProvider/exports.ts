// Streamed exports and imports: GET /exports/…, POST /imports/… on the same origin with the session's bearer token (as /graphql),
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

/**
 * A refusal of /exports/… or /imports/… (`{ error: { code, message, field, rows? } }`) as a GraphQL
 * error, so the dashboard shows it (and an import's bad rows, extensions.rows) as it does those.
 */
export async function refusal(response: Response): Promise<GraphQLRequestError> {
  let error: { code?: string; message?: string; [key: string]: unknown } = {};
  try {
    error = ((await response.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // not the API's JSON (a proxy's page): the status says enough
  }
  const { message, code, ...extensions } = error;
  return new GraphQLRequestError(
    [
      {
        message: message ?? `HTTP ${response.status}`,
        extensions: { ...extensions, code: code ?? 'INTERNAL_SERVER_ERROR' },
      },
    ],
    response.status,
  );
}

const bearer = (): Record<string, string> => {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

export async function fetchExport(path: string, fallbackName: string): Promise<ExportedFile> {
  const response = await fetch(path, { headers: bearer() });
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  return { fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName), blob };
}

/**
 * Streamed import: POST /imports/… with the file itself as the body (the browser sends it from
 * disk, nothing decoded or held as text here); the server reads, checks and writes it as it
 * arrives, all or nothing. Answers the server's `data`; a refusal throws as `refusal` makes it.
 */
export async function postImport<T>(path: string, body: Blob): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { ...bearer(), 'content-type': body.type || 'text/csv' },
    body,
  });
  if (!response.ok) throw await refusal(response);
  return ((await response.json()) as { data: T }).data;
}
