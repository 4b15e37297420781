// 网络钩子: every webhook with its state, and the actions an administrator needs (create with the
// secret shown once, edit, delivery log, replay, delete). Few rows: one request, no paging.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Title, useNotify, useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { errorText } from '../shared/ErrorAlert.tsx';
import { useFormatters } from '../shared/fields.tsx';
import type { Webhook } from '../dataProvider/webhooks.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import {
  DeliveriesDialog,
  ReplayDialog,
  RotateSecretDialog,
  WebhookFormDialog,
} from './WebhookDialogs.tsx';

type Open =
  | { kind: 'form'; record: Webhook | null }
  | { kind: 'deliveries'; record: Webhook }
  | { kind: 'replay'; record: Webhook; after: string }
  | { kind: 'rotate'; record: Webhook }
  | null;

function StateChip({ hook }: { hook: Webhook }) {
  const translate = useTranslate();
  if (hook.active && hook.failures > 0)
    return (
      <Tooltip title={hook.lastError ?? ''}>
        <Chip
          size="small"
          color="warning"
          label={translate('webhooks.state.retrying', { n: hook.failures })}
        />
      </Tooltip>
    );
  if (hook.active)
    return <Chip size="small" color="success" label={translate('webhooks.state.active')} />;
  if (hook.failedAt)
    return <Chip size="small" color="error" label={translate('webhooks.state.failed')} />;
  return <Chip size="small" label={translate('webhooks.state.inactive')} />;
}

export function WebhookList() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const { dateTime } = useFormatters();
  const [open, setOpen] = useState<Open>(null);
  const {
    data: rows = null,
    error,
    refetch,
  } = useQuery({ queryKey: ['webhooks'], queryFn: () => dataProvider.webhooks(), retry: false });
  const load = () => void refetch();
  const closed = (changed: boolean, message?: string) => {
    setOpen(null);
    if (changed) {
      if (message) notify(message, { type: 'success' });
      load();
    }
  };
  async function remove(hook: Webhook) {
    if (!window.confirm(translate('webhooks.confirmDelete', { url: hook.url }))) return;
    try {
      await dataProvider.deleteWebhook(hook.id, hook.version);
      notify('webhooks.deleted', { type: 'success' });
      load();
    } catch (e) {
      notify(errorText(e, translate), { type: 'error' });
    }
  }

  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('app.menu.webhooks')} />
      <CardContent>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1}
          sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}
        >
          <Typography variant="body2" color="text.secondary">
            {translate('webhooks.intro')}
          </Typography>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setOpen({ kind: 'form', record: null })}
            sx={{ flexShrink: 0 }}
          >
            {translate('webhooks.create')}
          </Button>
        </Stack>
        <ErrorAlert error={error} />
        {rows && rows.length === 0 && (
          <Typography data-testid="webhooks-empty" sx={{ py: 2 }}>
            {translate('webhooks.empty')}
          </Typography>
        )}
        {rows && rows.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="webhooks">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.webhooks.fields.url')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.webhooks.fields.kinds')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.webhooks.fields.state')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.webhooks.fields.lastDeliveredAt')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {translate('resources.webhooks.fields.secretHint')}
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((hook) => (
                  <TableRow key={hook.id} data-testid="webhook-row">
                    <TableCell sx={{ wordBreak: 'break-all', minWidth: 160 }}>
                      {hook.description && (
                        <Typography variant="body2" sx={{ fontWeight: 500 }}>
                          {hook.description}
                        </Typography>
                      )}
                      <Typography variant="body2" data-testid="webhook-url">
                        {hook.url}
                      </Typography>
                    </TableCell>
                    <TableCell data-testid="webhook-kinds">
                      {hook.kinds.map((k) => translate(`enums.ChangeKind.${k}`)).join('、')}
                    </TableCell>
                    <TableCell data-testid="webhook-state">
                      <StateChip hook={hook} />
                      {hook.lastError && (
                        <Typography
                          variant="caption"
                          color="error"
                          sx={{ display: 'block' }}
                          data-testid="webhook-error"
                        >
                          {hook.lastError}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      {hook.lastDeliveredAt
                        ? dateTime(hook.lastDeliveredAt)
                        : translate('webhooks.never')}
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{hook.secretHint}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                        <Button
                          size="small"
                          onClick={() => setOpen({ kind: 'form', record: hook })}
                        >
                          {translate('ra.action.edit')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setOpen({ kind: 'deliveries', record: hook })}
                        >
                          {translate('webhooks.deliveries')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setOpen({ kind: 'replay', record: hook, after: '' })}
                        >
                          {translate('webhooks.replay')}
                        </Button>
                        <Button
                          size="small"
                          data-testid="webhook-rotate"
                          onClick={() => setOpen({ kind: 'rotate', record: hook })}
                        >
                          {translate('webhooks.rotate')}
                        </Button>
                        <Button size="small" color="error" onClick={() => void remove(hook)}>
                          {translate('ra.action.delete')}
                        </Button>
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
      {open?.kind === 'form' && (
        <WebhookFormDialog
          record={open.record}
          onClose={(changed) => closed(changed, open.record ? 'webhooks.saved' : undefined)}
        />
      )}
      {open?.kind === 'deliveries' && (
        <DeliveriesDialog
          record={open.record}
          onClose={() => closed(true)}
          onReplay={(after) => setOpen({ kind: 'replay', record: open.record, after })}
        />
      )}
      {open?.kind === 'rotate' && (
        <RotateSecretDialog
          record={open.record}
          onClose={(changed) => closed(changed, 'webhooks.rotated')}
        />
      )}
      {open?.kind === 'replay' && (
        <ReplayDialog
          record={open.record}
          initialAfter={open.after}
          onClose={(changed) => closed(changed, 'webhooks.replayed')}
        />
      )}
    </Card>
  );
}
