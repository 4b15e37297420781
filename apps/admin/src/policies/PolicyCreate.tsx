import { Create } from 'react-admin';
import { PolicyForm, withIssuerNames } from './PolicyForm.tsx';

export function PolicyCreate() {
  return (
    <Create redirect="show" transform={withIssuerNames}>
      <PolicyForm draft="policies.new" />
    </Create>
  );
}
