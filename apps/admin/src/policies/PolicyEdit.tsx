import { Edit, useRecordContext } from 'react-admin';
import { PolicyForm } from './PolicyForm.tsx';
import { useSaveErrorHandler } from '../shared/ConflictDialog.tsx';

function Form() {
  const record = useRecordContext();
  return <PolicyForm draft={`policies.${record?.id}`} />;
}

export function PolicyEdit() {
  const onError = useSaveErrorHandler('policies');
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      transform={(d) => ({ ...d, issuerIds: d.issuerIds ?? d.issuers?.map((i: { id: string }) => i.id) })}
    >
      <Form />
    </Edit>
  );
}
