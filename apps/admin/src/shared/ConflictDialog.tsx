import { useEffect, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { GraphQLRequestError, request } from '../graphql/client.ts';
import { graphql } from '../graphql/graphql.ts';

const LastChange = graphql(`
  query LastChange($filter: AuditEntryFilter) {
    auditEntriesPage(page: 1, perPage: 1, sort: { field: "at", order: DESC }, filter: $filter) {
      nodes {
        actorLabel
        at
      }
    }
  }
`);
import { useFormatters } from './fields.tsx';

export interface Conflict {
  resource: string;
  id: string;
  message: string;
  changedBy?: string | null;
  changedAt?: string | null;
  /** Reloads what the page shows; react-admin's refresh when absent. */
  reload?: () => void;
}

type Listener = (c: Conflict) => void;
const listeners = new Set<Listener>();

/** Announces a stale edit (API error CONFLICT); the one ConflictDialog in the layout shows it. */
export function reportConflict(c: Conflict) {
  for (const l of listeners) l(c);
}

/** Who last changed the record: from the error itself, else from the audit log when readable. */
async function lastChange(c: Conflict): Promise<Conflict> {
  if (c.changedBy) return c;
  try {
    const data = await request(LastChange, { filter: { entityId: c.id } });
    const last = data.auditEntriesPage.nodes[0];
    return last ? { ...c, changedBy: last.actorLabel, changedAt: last.at } : c;
  } catch {
    return c;
  }
}

export function conflictFromError(error: unknown, resource: string, id: string): Conflict | null {
  if (!(error instanceof GraphQLRequestError) || error.code !== 'CONFLICT') return null;
  const ext = error.extensions as Record<string, unknown>;
  return {
    resource,
    id,
    message: error.message,
    changedBy: (ext.updatedBy ?? ext.changedBy ?? ext.actor ?? null) as string | null,
    changedAt: (ext.updatedAt ?? ext.changedAt ?? null) as string | null,
  };
}

/** onError for Edit/Create: a conflict opens the dialog, anything else is a notification. */
export function useSaveErrorHandler(resource: string) {
  const notify = useNotify();
  return (error: unknown, variables: { id?: unknown } | undefined) => {
    const conflict = conflictFromError(error, resource, String(variables?.id ?? ''));
    if (conflict) reportConflict(conflict);
    else notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
  };
}

/** Mounted once: tells who changed the record and offers to reload; never overwrites silently. */
export function ConflictDialog() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const fmt = useFormatters();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  useEffect(() => {
    const l: Listener = (c) => {
      setConflict(c);
      void lastChange(c).then((full) =>
        setConflict((cur) => (cur && cur.id === full.id ? full : cur)),
      );
    };
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  const close = () => setConflict(null);
  return (
    <Dialog open={!!conflict} onClose={close} data-testid="conflict-dialog">
      <DialogTitle>{translate('app.conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('app.conflict.body')}</DialogContentText>
        {conflict?.changedBy && (
          <DialogContentText sx={{ mt: 1 }} data-testid="conflict-who">
            {translate('app.conflict.who', {
              who: conflict.changedBy,
              at: fmt.dateTime(conflict.changedAt),
            })}
          </DialogContentText>
        )}
        <DialogContentText sx={{ mt: 1 }} variant="caption">
          {conflict?.message}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('app.conflict.keepEditing')}</Button>
        <Button
          variant="contained"
          onClick={() => {
            const reload = conflict?.reload ?? refresh;
            close();
            reload();
          }}
          data-testid="conflict-reload"
        >
          {translate('app.conflict.reload')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
