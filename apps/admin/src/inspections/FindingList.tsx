import { useEffect } from 'react';
import {
  BooleanField,
  BooleanInput,
  DataTable,
  Edit,
  FieldTitle,
  List,
  NullableBooleanInput,
  SimpleForm,
  TextField,
  TextInput,
  useInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { PlainDateField } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { useSaveErrorHandler } from '../shared/ConflictDialog.tsx';
import { ListActions } from '../shared/ListActions.tsx';
import { csvExporter } from '../shared/exporter.ts';
import { fieldOf, type InputOf, sourceOf } from '../shared/schemaNames.ts';
import { useLatestQuarter } from './useLatestQuarter.ts';

/** Both lists filter alike: the fields their page filters share. */
const filter = sourceOf<'WebsiteFindingPageFilter' | 'NewMediaFindingPageFilter'>();
/** Both kinds of finding are updated with FindingPatch. */
const patch = sourceOf<'FindingPatch'>();
/** The lists open on the latest round's quarter (none before the first round is loaded). */
function useDefaultFilter() {
  const quarter = useLatestQuarter();
  if (quarter === undefined) return undefined;
  return (quarter ? { quarter } : {}) satisfies InputOf<
    'WebsiteFindingPageFilter' | 'NewMediaFindingPageFilter'
  >;
}

const filters = [
  <TextInput key="quarter" source={filter('quarter')} alwaysOn />,
  <NullableBooleanInput key="rectified" source={filter('rectified')} alwaysOn />,
];

const website = fieldOf<'WebsiteFinding'>();
const newMedia = fieldOf<'NewMediaFinding'>();
/** What both kinds of finding show. */
const finding = fieldOf<'WebsiteFinding' | 'NewMediaFinding'>();

const exporter = csvExporter();

export function WebsiteFindingList() {
  const defaultFilter = useDefaultFilter();
  // filterDefaultValues is read once, when the list mounts: wait for the latest quarter.
  if (!defaultFilter) return null;
  return (
    <List
      filters={filters}
      filterDefaultValues={defaultFilter}
      sort={{ field: 'siteSeq', order: 'ASC' }}
      actions={<ListActions />}
      exporter={exporter}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source={website('siteSeq')} />
        <DataTable.Col source={website('siteName')} />
        <DataTable.Col
          source="organization.name"
          label="resources.websiteFindings.fields.organization"
          disableSort
        >
          <TextField source="organization.name" />
        </DataTable.Col>
        <DataTable.Col source={website('description')} />
        <DataTable.Col source={website('rectified')}>
          <BooleanField source={website('rectified')} />
        </DataTable.Col>
        <DataTable.Col source={website('rectifiedOn')} disableSort>
          <PlainDateField source={website('rectifiedOn')} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export function NewMediaFindingList() {
  const defaultFilter = useDefaultFilter();
  // filterDefaultValues is read once, when the list mounts: wait for the latest quarter.
  if (!defaultFilter) return null;
  return (
    <List
      filters={filters}
      filterDefaultValues={defaultFilter}
      sort={{ field: 'seq', order: 'ASC' }}
      actions={<ListActions />}
      exporter={exporter}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source={newMedia('seq')} />
        <DataTable.Col source={newMedia('account')} />
        <DataTable.Col source={newMedia('platform')} />
        <DataTable.Col
          source="organization.name"
          label="resources.newMediaFindings.fields.organization"
          disableSort
        >
          <TextField source="organization.name" />
        </DataTable.Col>
        <DataTable.Col source={newMedia('description')} />
        <DataTable.Col source={newMedia('rectified')}>
          <RectifiedField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

/** 已整改 / 未整改 / 未知: a new-media finding the 通报 prints without its rectification is unknown, never “no”. */
export function RectifiedField() {
  const record = useRecordContext<{ rectified?: boolean | null }>();
  const translate = useTranslate();
  if (!record) return null;
  const key =
    record.rectified === true
      ? 'rectified'
      : record.rectified === false
        ? 'notRectified'
        : 'unknown';
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid="rectified-value"
      color={key === 'unknown' ? 'text.secondary' : undefined}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {translate(`findings.${key}`)}
    </Typography>
  );
}

const fromRectified = (v: boolean | null | undefined) =>
  v === true ? 'true' : v === false ? 'false' : 'unknown';
const toRectified = (v: string) => (v === 'true' ? true : v === 'false' ? false : null);

/** The three states of a new-media finding; 未知 is sent as rectified: null (and clears the date). */
function RectifiedInput() {
  const translate = useTranslate();
  const { field, id } = useInput({
    source: patch('rectified'),
    format: fromRectified,
    parse: toRectified,
  });
  const { setValue } = useFormContext();
  const value = useWatch({ name: patch('rectified') }) as boolean | null | undefined;
  useEffect(() => {
    if (value === null || value === undefined)
      setValue(patch('rectifiedOn'), null, { shouldDirty: true });
  }, [value, setValue]);
  return (
    <MuiTextField
      {...field}
      id={id}
      select
      size="small"
      sx={{ minWidth: 200 }}
      label={<FieldTitle source={patch('rectified')} resource="newMediaFindings" />}
      inputProps={{ 'data-testid': 'rectified-input' }}
      helperText={translate('findings.unknownHelp')}
      SelectProps={{ SelectDisplayProps: { 'data-testid': 'rectified-select' } as object }}
    >
      <MenuItem value="true">{translate('findings.rectified')}</MenuItem>
      <MenuItem value="false">{translate('findings.notRectified')}</MenuItem>
      <MenuItem value="unknown">{translate('findings.unknown')}</MenuItem>
    </MuiTextField>
  );
}

function FindingForm({ resource }: { resource: string }) {
  const record = useRecordContext();
  return (
    <SimpleForm>
      <FormDraft name={`${resource}.${record?.id}`} />
      <TextField source="organization.name" />
      <TextField source={finding('description')} />
      {resource === 'newMediaFindings' ? (
        <RectifiedInput />
      ) : (
        <BooleanInput source={patch('rectified')} />
      )}
      <TextInput source={patch('rectifiedOn')} type="date" InputLabelProps={{ shrink: true }} />
    </SimpleForm>
  );
}

export function FindingEdit({ resource }: { resource: 'websiteFindings' | 'newMediaFindings' }) {
  const onError = useSaveErrorHandler(resource);
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <FindingForm resource={resource} />
    </Edit>
  );
}
