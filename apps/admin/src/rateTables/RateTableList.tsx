import { DataTable, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { EnumField, enumChoices } from '../shared/fields.tsx';
import { fieldOf, sourceOf } from '../shared/schemaNames.ts';

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

const shown = fieldOf<'RateTable'>();

export function RateTableList() {
  return (
    <List filters={filters} sort={{ field: 'key', order: 'ASC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source={shown('name')} />
        <DataTable.Col source={shown('kind')}>
          <EnumField source={shown('kind')} enumName="RateTableKind" />
        </DataTable.Col>
        <DataTable.Col source="policy.docNo" label="resources.rateTables.fields.policy" disableSort>
          <TextField source="policy.docNo" />
        </DataTable.Col>
        <DataTable.Col source={shown('key')} />
      </DataTable>
    </List>
  );
}
