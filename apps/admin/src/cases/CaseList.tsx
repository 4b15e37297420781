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
import { sourceOf } from '../shared/schemaNames.ts';

function Deadline() {
  // 已超期 as the API judges it (第十三条, today in Asia/Shanghai): the list needs no copy of the rule.
  const record = useRecordContext<{ overdue: boolean; reviewDeadline: string | null }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <PlainDateField source="reviewDeadline" />
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
        <DataTable.Col source="caseNumber" />
        <DataTable.Col source="caseName" />
        <DataTable.Col source="subjectName" />
        <DataTable.Col source="handler" disableSort />
        <DataTable.Col source="trigger" disableSort>
          <EnumField source="trigger" enumName="CaseTrigger" />
        </DataTable.Col>
        <DataTable.Col source="filedOn">
          <PlainDateField source="filedOn" />
        </DataTable.Col>
        <DataTable.Col source="state">
          <EnumField source="state" enumName="CaseState" />
        </DataTable.Col>
        <DataTable.Col source="reviewDeadline">
          <Deadline />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
