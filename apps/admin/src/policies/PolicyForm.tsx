import { BooleanInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { enumChoices } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { POLICY_CATEGORIES } from './constants.ts';

const dateProps = { type: 'date', InputLabelProps: { shrink: true } } as const;

export function PolicyForm({
  draft,
  defaultValues,
}: {
  draft: string;
  defaultValues?: Record<string, unknown>;
}) {
  return (
    <SimpleForm defaultValues={defaultValues}>
      <FormDraft name={draft} />
      <TextInput source="docNo" validate={required()} />
      <TextInput source="title" validate={required()} fullWidth />
      <SelectInput
        source="category"
        choices={enumChoices('PolicyCategory', POLICY_CATEGORIES)}
        validate={required()}
      />
      <TextInput
        source="issuerNames"
        label="resources.policies.fields.issuers"
        helperText="policies.issuersHelp"
        fullWidth
      />
      <TextInput source="signedOn" {...dateProps} validate={required()} />
      <TextInput source="effectiveFrom" {...dateProps} validate={required()} />
      <TextInput source="expiresOn" {...dateProps} />
      <BooleanInput source="isTrial" />
      <TextInput source="validityClause" fullWidth />
      <TextInput source="summary" multiline fullWidth />
    </SimpleForm>
  );
}

/** Issuers are typed as names (or aliases) separated by 、 or commas, in printed order. */
export function withIssuerNames<T extends { issuerNames?: string }>(data: T) {
  const { issuerNames, ...rest } = data;
  return {
    ...rest,
    issuers: (issuerNames ?? '')
      .split(/[、,，\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
