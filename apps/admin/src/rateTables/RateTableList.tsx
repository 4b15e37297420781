import { DataTable, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { EnumField, enumChoices } from '../shared/fields.tsx';
import { sourceOf } from '../shared/schemaNames.ts';

export const RATE_TABLE_KINDS = [
  'MEDICAL_SERVICE_PRICE',
  'LAND_TRANSFER_FEE',
  'LAND_TERM_COEFFICIENT',
  'REHAB_ASSISTANCE',
] as const;

const s = sourceOf<'RateTablePageFilter'>();

const filters = [
  <SearchInput key="q" source={s('q')} alwaysOn />,
  <SelectInput
    key="kind"
    source={s('kind')}
    choices={enumChoices('RateTableKind', RATE_TABLE_KINDS)}
    alwaysOn
  />,
];

export function RateTableList() {
  return (
    <List filters={filters} sort={{ field: 'key', order: 'ASC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumField source="kind" enumName="RateTableKind" />
        </DataTable.Col>
        <DataTable.Col source="policy.docNo" label="resources.rateTables.fields.policy" disableSort>
          <TextField source="policy.docNo" />
        </DataTable.Col>
        <DataTable.Col source="key" />
      </DataTable>
    </List>
  );
}
