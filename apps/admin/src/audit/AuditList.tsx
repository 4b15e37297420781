import { DataTable, List, TextInput, useRecordContext } from 'react-admin';
import { DateTimeField } from '../shared/fields.tsx';
import { ListActions } from '../shared/ListActions.tsx';
import { csvExporter } from '../shared/exporter.ts';

function Json({ source }: { source: 'before' | 'after' }) {
  const record = useRecordContext();
  const value = record?.[source];
  if (value === null || value === undefined) return null;
  return <pre style={{ margin: 0, maxWidth: 320, maxHeight: 120, overflow: 'auto', fontSize: 11 }}>{JSON.stringify(value, null, 1)}</pre>;
}

const filters = [
  <TextInput key="actor" source="actor" alwaysOn />,
  <TextInput key="entity" source="entity" alwaysOn />,
  <TextInput key="action" source="action" />,
];

// before/after are whole records of any kind: one JSON cell each rather than a column per field.
const exporter = csvExporter({ json: ['before', 'after'] });

/** Every write: who, when, what, before and after. Administrators only. */
export function AuditList() {
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} actions={<ListActions />} exporter={exporter}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="at"><DateTimeField source="at" /></DataTable.Col>
        <DataTable.Col source="actorLabel" />
        <DataTable.Col source="action" />
        <DataTable.Col source="entity" />
        <DataTable.Col source="entityId" disableSort />
        <DataTable.Col source="before" disableSort><Json source="before" /></DataTable.Col>
        <DataTable.Col source="after" disableSort><Json source="after" /></DataTable.Col>
      </DataTable>
    </List>
  );
}
