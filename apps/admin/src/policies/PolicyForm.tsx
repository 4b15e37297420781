import { BooleanInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { enumChoices } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { POLICY_CATEGORIES } from './constants.ts';
import { fieldOf, sourceOf } from '../shared/schemaNames.ts';

/** What create and edit both send; issuerNames becomes `issuers` (withIssuerNames). */
const s = sourceOf<'PolicyInput' | 'PolicyPatch', 'issuerNames'>();
const created = sourceOf<'PolicyInput'>();
const shown = fieldOf<'Policy'>();

const dateProps = { type: 'date', InputLabelProps: { shrink: true } } as const;

export function PolicyForm({
  draft,
  defaultValues,
  editing = false,
}: {
  draft: string;
  defaultValues?: Record<string, unknown>;
  /** An edit sends PolicyPatch, which has no 文号: it is shown, not offered for change. */
  editing?: boolean;
}) {
  return (
    <SimpleForm defaultValues={defaultValues}>
      <FormDraft name={draft} />
      {editing ? (
        <TextInput source={shown('docNo')} disabled />
      ) : (
        <TextInput source={created('docNo')} validate={required()} />
      )}
      <TextInput source={s('title')} validate={required()} fullWidth />
      <SelectInput
        source={s('category')}
        choices={enumChoices('PolicyCategory', POLICY_CATEGORIES)}
        validate={required()}
      />
      <TextInput
        source={s('issuerNames')}
        label="resources.policies.fields.issuers"
        helperText="policies.issuersHelp"
        fullWidth
      />
      <TextInput source={s('signedOn')} {...dateProps} validate={required()} />
      <TextInput source={s('effectiveFrom')} {...dateProps} validate={required()} />
      <TextInput source={s('expiresOn')} {...dateProps} />
      <BooleanInput source={s('isTrial')} />
      <TextInput source={s('validityClause')} fullWidth />
      <TextInput source={s('summary')} multiline fullWidth />
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
