// The webhook form (create and edit), the secret shown once (at creation and after a rotation),
// the delivery log and the replay dialog.
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { SecretShownOnce } from '../shared/SecretShownOnce.tsx';
import { FormDialog, useSubmit } from '../shared/FormDialog.tsx';
import { useFormatters } from '../shared/fields.tsx';
import {
  CHANGE_KINDS,
  type ChangeKind,
  type Webhook,
  type WebhookDelivery,
  type WebhookInput,
} from '../dataProvider/webhooks.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';

const URL_PATTERN = /^https?:\/\/[^\s/]+/i;

/** A new signing secret, shown this once, and how receivers check it. */
function SigningSecret({ secret }: { secret: string }) {
  const translate = useTranslate();
  return (
    <SecretShownOnce
      secret={secret}
      warning={translate('webhooks.secretShownOnce')}
      testId="webhook-secret"
    >
      <Typography variant="body2" sx={{ mt: 2 }}>
        {translate('webhooks.signatureHelp')}
      </Typography>
    </SecretShownOnce>
  );
}

/**
 * Issues a new signing secret (after a leak, or when the server can no longer read the old one):
 * confirm, then the new secret is shown once; the old one stops signing at once.
 */
export function RotateSecretDialog({
  record,
  onClose,
}: {
  record: Webhook;
  onClose: (changed: boolean) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [secret, setSecret] = useState<string | null>(null);
  const { submit, busy, error } = useSubmit(
    async () =>
      setSecret((await dataProvider.rotateWebhookSecret(record.id, record.version)).secret),
    () => {},
  );
  if (secret)
    return (
      <Dialog open fullWidth maxWidth="sm">
        <DialogTitle>{translate('webhooks.rotate')}</DialogTitle>
        <DialogContent>
          <SigningSecret secret={secret} />
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => onClose(true)}>
            {translate('tokens.done')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  return (
    <FormDialog
      title={translate('webhooks.rotate')}
      onClose={() => onClose(false)}
      error={error}
      submit={{
        label: translate('webhooks.rotateConfirm'),
        onClick: () => void submit(),
        disabled: busy,
        testId: 'rotate-confirm',
      }}
    >
      <Typography variant="body2">
        {translate('webhooks.rotateHelp', { url: record.url })}
      </Typography>
    </FormDialog>
  );
}

/** Create (record absent) or edit a webhook; on create, the secret is shown once before closing. */
export function WebhookFormDialog({
  record,
  onClose,
}: {
  record: Webhook | null;
  onClose: (changed: boolean) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [input, setInput] = useState<WebhookInput>({
    url: record?.url ?? '',
    description: record?.description ?? '',
    kinds: record?.kinds ?? [
      'POLICY_ADDED',
      'POLICY_CHANGED',
      'POLICY_REPEALED',
      'RATES_PUBLISHED',
    ],
    active: record?.active ?? true,
  });
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const urlLooksWrong = input.url.trim() !== '' && !URL_PATTERN.test(input.url.trim());
  const toggle = (kind: ChangeKind) =>
    setInput({
      ...input,
      kinds: input.kinds.includes(kind)
        ? input.kinds.filter((k) => k !== kind)
        : [...input.kinds, kind],
    });

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const body = {
        ...input,
        url: input.url.trim(),
        description: input.description?.trim() || null,
      };
      if (record) {
        await dataProvider.updateWebhook(record.id, record.version, body);
        onClose(true);
      } else {
        setSecret((await dataProvider.createWebhook(body)).secret);
      }
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={secret ? undefined : () => onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>{translate(record ? 'webhooks.edit' : 'webhooks.create')}</DialogTitle>
      <DialogContent>
        {secret ? (
          <SigningSecret secret={secret} />
        ) : (
          <>
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              required
              name="url"
              label={translate('resources.webhooks.fields.url')}
              placeholder="https://"
              value={input.url}
              onChange={(e) => setInput({ ...input, url: e.target.value })}
              error={urlLooksWrong}
              helperText={translate(urlLooksWrong ? 'webhooks.urlHint' : 'webhooks.urlHelp')}
            />
            <TextField
              fullWidth
              margin="dense"
              name="description"
              label={translate('resources.webhooks.fields.description')}
              value={input.description ?? ''}
              onChange={(e) => setInput({ ...input, description: e.target.value })}
            />
            <FormLabel component="legend" sx={{ mt: 2 }}>
              {translate('resources.webhooks.fields.kinds')}
            </FormLabel>
            <FormGroup>
              {CHANGE_KINDS.map((k) => (
                <FormControlLabel
                  key={k}
                  control={
                    <Checkbox
                      name={`kind-${k}`}
                      checked={input.kinds.includes(k)}
                      onChange={() => toggle(k)}
                    />
                  }
                  label={translate(`enums.ChangeKind.${k}`)}
                />
              ))}
            </FormGroup>
            {input.kinds.length === 0 && (
              <FormHelperText error>{translate('webhooks.kindsRequired')}</FormHelperText>
            )}
            <FormControlLabel
              sx={{ mt: 1 }}
              control={
                <Switch
                  name="active"
                  checked={input.active}
                  onChange={(e) => setInput({ ...input, active: e.target.checked })}
                />
              }
              label={translate('resources.webhooks.fields.active')}
            />
            {record && !record.active && record.failedAt && input.active && (
              <FormHelperText>{translate('webhooks.reactivateHint')}</FormHelperText>
            )}
            <ErrorAlert error={error} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        {secret ? (
          <Button variant="contained" onClick={() => onClose(true)}>
            {translate('tokens.done')}
          </Button>
        ) : (
          <>
            <Button onClick={() => onClose(false)}>{translate('ra.action.cancel')}</Button>
            <Button
              variant="contained"
              disabled={saving || !input.url.trim() || input.kinds.length === 0}
              onClick={() => void save()}
            >
              {translate(record ? 'ra.action.save' : 'ra.action.create')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** The newest attempts of one webhook. */
export function DeliveriesDialog({
  record,
  onClose,
  onReplay,
}: {
  record: Webhook;
  onClose: () => void;
  onReplay: (after: string) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const { dateTime } = useFormatters();
  const [rows, setRows] = useState<WebhookDelivery[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    dataProvider.webhookDeliveries(record.id).then(
      (r) => {
        setRows(r.rows);
        setTotal(r.total);
      },
      (e: Error) => setError(e),
    );
  }, [record.id]);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {translate('webhooks.deliveries')}：{record.description ?? record.url}
      </DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} />
        {rows && rows.length === 0 && (
          <Typography data-testid="deliveries-empty">
            {translate('webhooks.noDeliveries')}
          </Typography>
        )}
        {rows && rows.length > 0 && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('webhooks.deliveriesShown', { shown: rows.length, total })}
            </Typography>
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="deliveries">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {translate('webhooks.delivery.at')}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {translate('webhooks.delivery.event')}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {translate('webhooks.delivery.attempt')}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {translate('webhooks.delivery.result')}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {translate('webhooks.delivery.duration')}
                    </TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((d) => (
                    <TableRow key={d.id} data-testid="delivery-row">
                      <TableCell>{dateTime(d.at)}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                        {d.eventCursor}
                      </TableCell>
                      <TableCell>{d.attempt}</TableCell>
                      <TableCell data-testid="delivery-result">
                        <Chip
                          size="small"
                          color={d.ok ? 'success' : 'error'}
                          label={
                            d.statusCode
                              ? `HTTP ${d.statusCode}`
                              : translate('webhooks.delivery.noAnswer')
                          }
                          sx={{ mr: 1 }}
                        />
                        {d.error}
                      </TableCell>
                      <TableCell>
                        {translate('webhooks.delivery.ms', { ms: d.durationMs })}
                      </TableCell>
                      <TableCell>
                        <Button size="small" onClick={() => onReplay(d.eventCursor)}>
                          {translate('webhooks.replayAfterThis')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Re-sends every change after a cursor (empty: from the beginning of the feed). */
export function ReplayDialog({
  record,
  initialAfter,
  onClose,
}: {
  record: Webhook;
  initialAfter: string;
  onClose: (changed: boolean) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [after, setAfter] = useState(initialAfter);
  const { submit, error } = useSubmit(
    () => dataProvider.replayWebhook(record.id, after.trim() || null),
    () => onClose(true),
  );
  return (
    <FormDialog
      title={translate('webhooks.replay')}
      onClose={() => onClose(false)}
      error={error}
      submit={{ label: translate('webhooks.replayConfirm'), onClick: () => void submit() }}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('webhooks.replayHelp')}
      </Typography>
      <TextField
        fullWidth
        margin="dense"
        name="after"
        label={translate('webhooks.replayAfter')}
        value={after}
        onChange={(e) => setAfter(e.target.value)}
        helperText={translate('webhooks.replayAfterHelp')}
      />
    </FormDialog>
  );
}
