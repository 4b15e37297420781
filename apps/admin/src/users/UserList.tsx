import {
  BooleanField,
  BooleanInput,
  Create,
  DataTable,
  Edit,
  List,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
  required,
} from 'react-admin';
import { EnumField, enumChoices } from '../shared/fields.tsx';
import { useSaveErrorHandler } from '../shared/ConflictDialog.tsx';
import { ListActions } from '../shared/ListActions.tsx';
import { csvExporter } from '../shared/exporter.ts';
import { fieldOf, sourceOf } from '../shared/schemaNames.ts';

const ROLES = ['ADMIN', 'SUPERVISOR', 'VIEWER'] as const;

const filter = sourceOf<'UserFilter'>();
const created = sourceOf<'CreateUserInput'>();
const patched = sourceOf<'UpdateUserInput'>();
const shown = fieldOf<'User'>();

const filters = [
  <SelectInput key="role" source={filter('role')} choices={enumChoices('Role', ROLES)} alwaysOn />,
];
const exporter = csvExporter();

export function UserList() {
  return (
    <List
      sort={{ field: 'email', order: 'ASC' }}
      filters={filters}
      actions={<ListActions />}
      exporter={exporter}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source={shown('email')} />
        <DataTable.Col source={shown('name')} />
        <DataTable.Col source={shown('role')}>
          <EnumField source={shown('role')} enumName="Role" />
        </DataTable.Col>
        <DataTable.Col source={shown('active')} disableSort>
          <BooleanField source={shown('active')} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export function UserEdit() {
  const onError = useSaveErrorHandler('users');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SimpleForm>
        {/* UpdateUserInput has no email: shown, not sent. */}
        <TextInput source={shown('email')} disabled />
        <TextInput source={patched('name')} />
        <SelectInput
          source={patched('role')}
          choices={enumChoices('Role', ROLES)}
          validate={required()}
        />
        <BooleanInput source={patched('active')} />
        <PasswordInput source={patched('password')} validate={minLength(10)} />
      </SimpleForm>
    </Edit>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source={created('email')} validate={[required(), email()]} />
        <TextInput source={created('name')} />
        <SelectInput
          source={created('role')}
          choices={enumChoices('Role', ROLES)}
          validate={required()}
        />
        <PasswordInput source={created('password')} validate={[required(), minLength(10)]} />
      </SimpleForm>
    </Create>
  );
}
