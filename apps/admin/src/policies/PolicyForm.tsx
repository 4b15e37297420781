import { AutocompleteArrayInput, BooleanInput, ReferenceArrayInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { enumChoices } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { POLICY_CATEGORIES } from './constants.ts';

const dateProps = { type: 'date', InputLabelProps: { shrink: true } } as const;

export function PolicyForm({ draft }: { draft: string }) {
  return (
    <SimpleForm>
      <FormDraft name={draft} />
      <TextInput source="docNo" validate={required()} />
      <TextInput source="title" validate={required()} fullWidth />
      <SelectInput source="category" choices={enumChoices('PolicyCategory', POLICY_CATEGORIES)} validate={required()} />
      <ReferenceArrayInput source="issuerIds" reference="organizations">
        <AutocompleteArrayInput optionText="name" label="resources.policies.fields.issuers" filterToQuery={(q) => ({ search: q })} />
      </ReferenceArrayInput>
      <TextInput source="signedOn" {...dateProps} validate={required()} />
      <TextInput source="effectiveFrom" {...dateProps} validate={required()} />
      <TextInput source="expiresOn" {...dateProps} />
      <BooleanInput source="isTrial" />
      <TextInput source="validityClause" fullWidth />
      <TextInput source="summary" multiline fullWidth />
    </SimpleForm>
  );
}
