import { Create, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { CASE_TRIGGERS } from '@gazette/domain';
import { enumChoices } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { today } from '../shared/today.ts';

/** 泸市监规发〔2024〕2号 第六条: a review starts on one of four triggers. */
export function CaseCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ filedOn: today() }}>
        <FormDraft name="cases.new" />
        <TextInput source="caseName" validate={required()} fullWidth />
        <TextInput source="subjectName" validate={required()} fullWidth />
        <TextInput source="caseNumber" />
        <TextInput source="handler" />
        <TextInput source="department" />
        <TextInput source="contactName" />
        <TextInput source="contactPhone" />
        <TextInput source="caseFiledOn" type="date" InputLabelProps={{ shrink: true }} />
        <SelectInput
          source="trigger"
          choices={enumChoices('CaseTrigger', CASE_TRIGGERS)}
          validate={required()}
        />
        <TextInput
          source="filedOn"
          type="date"
          InputLabelProps={{ shrink: true }}
          validate={required()}
        />
      </SimpleForm>
    </Create>
  );
}
