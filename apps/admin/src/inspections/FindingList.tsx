import { BooleanField, BooleanInput, DataTable, Edit, List, NullableBooleanInput, SimpleForm, TextField, TextInput, useRecordContext } from 'react-admin';
import { PlainDateField } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { useSaveErrorHandler } from '../shared/ConflictDialog.tsx';
import { ListActions } from '../shared/ListActions.tsx';
import { csvExporter } from '../shared/exporter.ts';

const filters = [
  <TextInput key="quarter" source="quarter" alwaysOn />,
  <NullableBooleanInput key="rectified" source="rectified" alwaysOn />,
];

const exporter = csvExporter();

export function WebsiteFindingList() {
  return (
    <List filters={filters} filterDefaultValues={{ quarter: '2024Q4' }} sort={{ field: 'siteSeq', order: 'ASC' }} actions={<ListActions />} exporter={exporter}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="siteSeq" />
        <DataTable.Col source="siteName" />
        <DataTable.Col source="organization.name" label="resources.websiteFindings.fields.organization" disableSort><TextField source="organization.name" /></DataTable.Col>
        <DataTable.Col source="description" />
        <DataTable.Col source="rectified"><BooleanField source="rectified" /></DataTable.Col>
        <DataTable.Col source="rectifiedOn" disableSort><PlainDateField source="rectifiedOn" /></DataTable.Col>
      </DataTable>
    </List>
  );
}

export function NewMediaFindingList() {
  return (
    <List filters={filters} filterDefaultValues={{ quarter: '2024Q4' }} sort={{ field: 'seq', order: 'ASC' }} actions={<ListActions />} exporter={exporter}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="seq" />
        <DataTable.Col source="account" />
        <DataTable.Col source="platform" />
        <DataTable.Col source="organization.name" label="resources.newMediaFindings.fields.organization" disableSort><TextField source="organization.name" /></DataTable.Col>
        <DataTable.Col source="description" />
        <DataTable.Col source="rectified"><BooleanField source="rectified" /></DataTable.Col>
      </DataTable>
    </List>
  );
}

function FindingForm({ resource }: { resource: string }) {
  const record = useRecordContext();
  return (
    <SimpleForm>
      <FormDraft name={`${resource}.${record?.id}`} />
      <TextField source="organization.name" />
      <TextField source="description" />
      <BooleanInput source="rectified" />
      <TextInput source="rectifiedOn" type="date" InputLabelProps={{ shrink: true }} />
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
