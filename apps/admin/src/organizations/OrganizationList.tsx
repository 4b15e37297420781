import {
  ArrayField,
  ChipField,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  SingleFieldList,
} from 'react-admin';
import { EnumField, enumChoices } from '../shared/fields.tsx';
import { ListActions } from '../shared/ListActions.tsx';
import { csvExporter } from '../shared/exporter.ts';
import { fieldOf, sourceOf } from '../shared/schemaNames.ts';

export const ORGANIZATION_TYPES = [
  'CITY_GOVERNMENT',
  'DISTRICT_COUNTY',
  'PARK',
  'DEPARTMENT',
  'STATE_AGENCY',
  'OTHER',
] as const;

const s = sourceOf<'OrganizationPageFilter'>();

const shown = fieldOf<'Organization'>();
const alias = fieldOf<'OrganizationAlias'>();

const filters = [
  <SearchInput key="q" source={s('q')} alwaysOn />,
  <SelectInput
    key="type"
    source={s('type')}
    choices={enumChoices('OrganizationType', ORGANIZATION_TYPES)}
    alwaysOn
  />,
];

const exporter = csvExporter();

export function OrganizationList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<ListActions />}
      exporter={exporter}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source={shown('name')} />
        <DataTable.Col source={shown('shortName')} />
        <DataTable.Col source={shown('type')}>
          <EnumField source={shown('type')} enumName="OrganizationType" />
        </DataTable.Col>
        <DataTable.Col source={shown('aliases')} disableSort>
          <ArrayField source={shown('aliases')}>
            <SingleFieldList linkType={false}>
              <ChipField source={alias('alias')} size="small" />
            </SingleFieldList>
          </ArrayField>
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
