import { Edit, useRecordContext } from 'react-admin';
import { PolicyForm, withIssuerNames } from './PolicyForm.tsx';
import { useSaveErrorHandler } from '../shared/ConflictDialog.tsx';

function Form() {
  const record = useRecordContext<{ id: string; issuers?: { name: string }[] }>();
  return (
    <PolicyForm
      draft={`policies.${record?.id}`}
      editing
      defaultValues={{ issuerNames: record?.issuers?.map((i) => i.name).join('、') ?? '' }}
    />
  );
}

export function PolicyEdit() {
  const onError = useSaveErrorHandler('policies');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} transform={withIssuerNames}>
      <Form />
    </Edit>
  );
}
