import { Create } from 'react-admin';
import { PolicyForm } from './PolicyForm.tsx';

export function PolicyCreate() {
  return (
    <Create redirect="show">
      <PolicyForm draft="policies.new" />
    </Create>
  );
}
