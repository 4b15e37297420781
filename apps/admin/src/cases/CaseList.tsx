import {
  BooleanInput,
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Chip } from '@mui/material';
import { CASE_STATES } from '@gazette/domain';
import { EnumField, PlainDateField, enumChoices } from '../shared/fields.tsx';
import { ExportButton } from '../shared/ExportButton.tsx';
import { csvExporter } from '../shared/exporter.ts';
import { fieldOf, sourceOf } from '../shared/schemaNames.ts';

const shown = fieldOf<'DiscretionCase'>();

function Deadline() {
  // 已超期 as the API judges it (第十三条, today in Asia/Shanghai): the list needs no copy of the rule.
  const record = useRecordContext<{ overdue: boolean; reviewDeadline: string | null }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <PlainDateField source={shown('reviewDeadline')} />
      {record.overdue && (
        <Chip
          size="small"
          color="error"
          label={translate('cases.overdue')}
          sx={{ ml: 1 }}
          data-testid="overdue-badge"
        />
      )}
    </>
  );
}

const s = sourceOf<'CaseFilter'>();

const filters = [
  <SearchInput key="q" source={s('q')} alwaysOn />,
  <SelectInput
    key="state"
    source={s('state')}
    choices={enumChoices('CaseState', CASE_STATES)}
    alwaysOn
  />,
  <BooleanInput key="overdue" source={s('overdue')} />,
];

// A case's history (events and their payloads) goes in one JSON cell.
const exporter = csvExporter({ json: ['events'] });

export function CaseList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'filedOn', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton />
          <ExportButton />
        </TopToolbar>
      }
      exporter={exporter}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source={shown('caseNumber')} />
        <DataTable.Col source={shown('caseName')} />
        <DataTable.Col source={shown('subjectName')} />
        <DataTable.Col source={shown('handler')} disableSort />
        <DataTable.Col source={shown('trigger')} disableSort>
          <EnumField source={shown('trigger')} enumName="CaseTrigger" />
        </DataTable.Col>
        <DataTable.Col source={shown('filedOn')}>
          <PlainDateField source={shown('filedOn')} />
        </DataTable.Col>
        <DataTable.Col source={shown('state')}>
          <EnumField source={shown('state')} enumName="CaseState" />
        </DataTable.Col>
        <DataTable.Col source={shown('reviewDeadline')}>
          <Deadline />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
