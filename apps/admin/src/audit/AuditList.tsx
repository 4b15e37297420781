import {
  BooleanInput,
  DataTable,
  DateInput,
  List,
  SelectInput,
  TextInput,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import { DateTimeField } from '../shared/fields.tsx';
import { ListActions } from '../shared/ListActions.tsx';
import { csvExporter } from '../shared/exporter.ts';
import { fieldOf, sourceOf } from '../shared/schemaNames.ts';
import {
  actionKey,
  displayAction,
  ENTITIES,
  entityKey,
  fieldChanges,
  showValue,
  type ValueWords,
} from './labels.ts';

function ActionField() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const action = displayAction(record as never);
  const key = actionKey(action);
  return (
    <Typography variant="body2" component="span" data-testid="audit-action" title={action}>
      {key ? translate(key) : action}
    </Typography>
  );
}

function EntityField() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const key = entityKey(String(record.entity));
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid="audit-entity"
      title={String(record.entityId)}
    >
      {key ? translate(key) : String(record.entity)}
    </Typography>
  );
}

/** 修改前 | 修改后 per changed field, instead of two JSON blobs. */
function ChangesField() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const changes = fieldChanges(record as never);
  if (!changes.length) return null;
  const label = (f: string) => translate(`audit.fields.${f}`, { _: f });
  const words: ValueWords = {
    field: label,
    code: (enumName, code) => translate(`enums.${enumName}.${code}`, { _: code }),
    yes: translate('audit.yes'),
    no: translate('audit.no'),
    locale,
  };
  const entity = String(record.entity);
  // A grid, not a nested table: the list's own rows stay the page's only table rows.
  const cell = {
    border: '1px solid',
    borderColor: 'divider',
    px: 0.5,
    overflowWrap: 'anywhere',
  } as const;
  return (
    <Box
      data-testid="audit-changes"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'auto minmax(0, 1fr) minmax(0, 1fr)',
        fontSize: 12,
        maxWidth: 560,
      }}
    >
      <Box sx={{ ...cell, fontWeight: 600 }}>{translate('audit.field')}</Box>
      <Box sx={{ ...cell, fontWeight: 600 }}>{translate('audit.before')}</Box>
      <Box sx={{ ...cell, fontWeight: 600 }}>{translate('audit.after')}</Box>
      {changes.slice(0, 12).map((c) => (
        <Box key={c.field} data-testid={`audit-change-${c.field}`} sx={{ display: 'contents' }}>
          <Box sx={cell} data-testid="audit-field">
            {label(c.field)}
          </Box>
          <Box sx={cell} data-testid="audit-before">
            {showValue(c.before, c.field, entity, words)}
          </Box>
          <Box sx={cell} data-testid="audit-after">
            {showValue(c.after, c.field, entity, words)}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** showLogins is the list's own switch (withoutLogins.ts): the resource's mapFilter drops it. */
const s = sourceOf<'AuditEntryFilter', 'showLogins'>();

const shown = fieldOf<'AuditEntry'>();

function useFilters() {
  const translate = useTranslate();
  return [
    <TextInput key="actor" source={s('actor')} label="audit.filters.actor" alwaysOn />,
    <SelectInput
      key="entity"
      source={s('entity')}
      label="audit.filters.entity"
      alwaysOn
      choices={ENTITIES.map((e) => ({ id: e, name: translate(`audit.entities.${e}`) }))}
    />,
    <DateInput key="from" source={s('from')} label="audit.filters.from" alwaysOn />,
    <DateInput key="to" source={s('to')} label="audit.filters.to" alwaysOn />,
    <BooleanInput
      key="showLogins"
      source={s('showLogins')}
      label="audit.filters.showLogins"
      alwaysOn
    />,
  ];
}

// before/after are whole records of any kind: one JSON cell each rather than a column per field.
const exporter = csvExporter({ json: ['before', 'after'] });

/** Every write: who, when, what (in Chinese), and the fields it changed. Administrators only. */
export function AuditList() {
  return (
    <List
      filters={useFilters()}
      sort={{ field: 'at', order: 'DESC' }}
      actions={<ListActions />}
      exporter={exporter}
    >
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source={shown('at')}>
          <DateTimeField source={shown('at')} />
        </DataTable.Col>
        <DataTable.Col source={shown('actorLabel')} />
        <DataTable.Col source={shown('action')}>
          <ActionField />
        </DataTable.Col>
        <DataTable.Col source={shown('entity')}>
          <EntityField />
        </DataTable.Col>
        <DataTable.Col source={shown('after')} label="audit.changes" disableSort>
          <ChangesField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
