import { useMediaQuery, type Theme } from '@mui/material';
import { BooleanField, DataTable, List, SearchInput, SelectInput, TextInput } from 'react-admin';
import { EnumField, PlainDateField, enumChoices } from '../shared/fields.tsx';
import { POLICY_CATEGORIES, POLICY_STATUSES } from './constants.ts';
import { today } from '../shared/today.ts';
import { ListActions } from '../shared/ListActions.tsx';
import { csvExporter } from '../shared/exporter.ts';
import { fieldOf, type InputOf, sourceOf } from '../shared/schemaNames.ts';

const s = sourceOf<'PolicyPageFilter'>();

const filters = [
  <SearchInput key="q" source={s('q')} alwaysOn />,
  <SelectInput
    key="status"
    source={s('status')}
    label="resources.policies.fields.status"
    choices={enumChoices('PolicyStatus', POLICY_STATUSES)}
    alwaysOn
  />,
  <TextInput
    key="asOf"
    source={s('asOf')}
    label="policies.statusOn"
    type="date"
    alwaysOn
    InputLabelProps={{ shrink: true }}
  />,
  <TextInput key="issuer" source={s('issuer')} label="resources.policies.fields.issuers" />,
  <SelectInput
    key="category"
    source={s('category')}
    label="resources.policies.fields.category"
    choices={enumChoices('PolicyCategory', POLICY_CATEGORIES)}
  />,
];

const exporter = csvExporter();

const shown = fieldOf<'Policy'>();

export function PolicyList() {
  // On a tablet the category and trial columns give way (both are on the policy's page), and a
  // table still wider than the screen scrolls inside its box, never the whole page.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('lg'));
  return (
    <List
      filters={filters}
      filterDefaultValues={{ asOf: today() } satisfies InputOf<'PolicyPageFilter'>}
      sort={{ field: 'effectiveFrom', order: 'DESC' }}
      actions={<ListActions />}
      exporter={exporter}
      sx={{ '& .RaList-content': { overflowX: 'auto' } }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source={shown('docNo')} />
        <DataTable.Col source={shown('title')} sx={{ maxWidth: 420 }} />
        {narrow ? null : (
          <DataTable.Col source={shown('category')}>
            <EnumField source={shown('category')} enumName="PolicyCategory" />
          </DataTable.Col>
        )}
        <DataTable.Col source={shown('effectiveFrom')}>
          <PlainDateField source={shown('effectiveFrom')} />
        </DataTable.Col>
        <DataTable.Col source={shown('expiresOn')}>
          <PlainDateField source={shown('expiresOn')} />
        </DataTable.Col>
        <DataTable.Col source={shown('status')} disableSort>
          <EnumField source={shown('status')} enumName="PolicyStatus" />
        </DataTable.Col>
        {narrow ? null : (
          <DataTable.Col source={shown('isTrial')} disableSort>
            <BooleanField source={shown('isTrial')} />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
}
