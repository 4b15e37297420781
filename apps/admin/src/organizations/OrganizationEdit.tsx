import { useState } from 'react';
import {
  Create,
  DataTable,
  DeleteButton,
  Edit,
  ReferenceManyField,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useCanAccess,
  useCreate,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Box, Button, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { enumChoices } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { useSaveErrorHandler } from '../shared/ConflictDialog.tsx';
import { ORGANIZATION_TYPES } from './OrganizationList.tsx';
import { fieldOf, type InputOf, sourceOf } from '../shared/schemaNames.ts';

/** Create sends OrganizationInput, edit OrganizationPatch: the fields both take. */
const s = sourceOf<'OrganizationInput' | 'OrganizationPatch'>();

function OrgFields({ draft }: { draft: string }) {
  return (
    <>
      <FormDraft name={draft} />
      <TextInput source={s('name')} validate={required()} fullWidth />
      <TextInput source={s('shortName')} fullWidth />
      <SelectInput
        source={s('type')}
        choices={enumChoices('OrganizationType', ORGANIZATION_TYPES)}
        validate={required()}
      />
    </>
  );
}

const aliasField = fieldOf<'OrganizationAlias'>();

/** The names the gazette also uses for this body; each resolves to it. */
function Aliases() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [alias, setAlias] = useState('');
  const [create] = useCreate();
  const { canAccess } = useCanAccess({ resource: 'organizationAliases', action: 'create' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="subtitle1">
        {translate('resources.organizations.fields.aliases')}
      </Typography>
      <ReferenceManyField
        reference="organizationAliases"
        target="organizationId"
        sort={{ field: 'alias', order: 'ASC' }}
      >
        <DataTable bulkActionButtons={false}>
          <DataTable.Col
            source={aliasField('alias')}
            label="resources.organizationAliases.fields.alias"
          />
          <DataTable.Col label={false}>
            <DeleteButton mutationMode="pessimistic" redirect={false} />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
      {canAccess && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <MuiTextField
            size="small"
            label={translate('resources.organizationAliases.fields.alias')}
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
          />
          <Button
            disabled={!alias.trim()}
            onClick={() =>
              create(
                'organizationAliases',
                {
                  data: {
                    alias: alias.trim(),
                    organizationId: String(record.id),
                  } satisfies InputOf<'OrganizationAliasInput'>,
                },
                {
                  onSuccess: () => {
                    setAlias('');
                    refresh();
                  },
                  onError: (e) => notify((e as Error).message, { type: 'error' }),
                },
              )
            }
          >
            {translate('ra.action.add')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}

function EditForm() {
  const record = useRecordContext();
  return (
    <SimpleForm>
      <OrgFields draft={`organizations.${record?.id}`} />
    </SimpleForm>
  );
}

export function OrganizationEdit() {
  const onError = useSaveErrorHandler('organizations');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <EditForm />
      <Aliases />
    </Edit>
  );
}

export function OrganizationCreate() {
  return (
    <Create redirect="edit">
      <SimpleForm>
        <OrgFields draft="organizations.new" />
      </SimpleForm>
    </Create>
  );
}
