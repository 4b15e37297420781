import { useState } from 'react';
import {
  Button as RaButton,
  DataTable,
  List,
  TopToolbar,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import {
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../dataProvider/apiTokens.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { useErrorText } from '../shared/errorText.ts';
import { SecretShownOnce } from '../shared/SecretShownOnce.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { fieldOf } from '../shared/schemaNames.ts';

/** Create a token: its secret is shown this once, then only its prefix is known. */
function CreateTokenButton() {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const { refetch } = useListContext();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['READ_PUBLISHED']);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const close = () => {
    setOpen(false);
    setSecret(null);
    setName('');
    setError(null);
    void refetch();
  };
  async function create() {
    try {
      setSecret((await dataProvider.createApiToken(name, scopes)).secret);
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <>
      <RaButton label="tokens.create" onClick={() => setOpen(true)}>
        <AddIcon />
      </RaButton>
      <Dialog open={open} onClose={secret ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('tokens.create')}</DialogTitle>
        <DialogContent>
          {secret ? (
            <SecretShownOnce
              secret={secret}
              warning={translate('tokens.shownOnce')}
              testId="token-secret"
            />
          ) : (
            <>
              <TextField
                autoFocus
                fullWidth
                margin="dense"
                label={translate('resources.apiTokens.fields.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              {API_TOKEN_SCOPES.map((s) => (
                <FormControlLabel
                  key={s}
                  control={
                    <Checkbox
                      checked={scopes.includes(s)}
                      onChange={() =>
                        setScopes(
                          scopes.includes(s) ? scopes.filter((x) => x !== s) : [...scopes, s],
                        )
                      }
                    />
                  }
                  label={translate(`enums.ApiTokenScope.${s}`)}
                />
              ))}
              <ErrorAlert error={error} />
            </>
          )}
        </DialogContent>
        <DialogActions>
          {secret ? (
            <Button variant="contained" onClick={close}>
              {translate('tokens.done')}
            </Button>
          ) : (
            <>
              <Button onClick={close}>{translate('ra.action.cancel')}</Button>
              <Button
                variant="contained"
                disabled={!name.trim() || scopes.length === 0}
                onClick={create}
              >
                {translate('ra.action.create')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}

function RevokeButton() {
  const record = useRecordContext<{ id: string; revokedAt: string | null }>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const errorText = useErrorText();
  const refresh = useRefresh();
  if (!record) return null;
  if (record.revokedAt) return <Chip size="small" label={translate('tokens.revoked')} />;
  return (
    <Button
      size="small"
      color="error"
      onClick={async (e) => {
        e.stopPropagation();
        if (!window.confirm(translate('tokens.confirmRevoke'))) return;
        try {
          await dataProvider.revokeApiToken(record.id);
          notify('tokens.revokedDone', { type: 'success' });
          refresh();
        } catch (err) {
          notify(errorText(err), { type: 'error' });
        }
      }}
    >
      {translate('tokens.revoke')}
    </Button>
  );
}

const shown = fieldOf<'ApiToken'>();

export function ApiTokenList() {
  const translate = useTranslate();
  return (
    <List
      empty={false}
      actions={
        <TopToolbar>
          <CreateTokenButton />
        </TopToolbar>
      }
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
    >
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source={shown('name')} />
        <DataTable.Col source={shown('prefix')} disableSort />
        <DataTable.Col
          source={shown('scopes')}
          disableSort
          render={(r: { scopes: string[] }) =>
            r.scopes.map((s) => translate(`enums.ApiTokenScope.${s}`)).join('、')
          }
        />
        <DataTable.Col source={shown('createdAt')}>
          <DateTimeField source={shown('createdAt')} />
        </DataTable.Col>
        <DataTable.Col source={shown('lastUsedAt')}>
          <DateTimeField source={shown('lastUsedAt')} />
        </DataTable.Col>
        <DataTable.Col source={shown('revokedAt')} disableSort>
          <RevokeButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
