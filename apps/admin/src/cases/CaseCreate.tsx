import { Create, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { CASE_TRIGGERS } from '@gazette/domain';
import { enumChoices } from '../shared/fields.tsx';
import { FormDraft } from '../shared/FormDraft.tsx';
import { today } from '../shared/today.ts';
import { sourceOf, type InputOf } from '../shared/schemaNames.ts';

const s = sourceOf<'OpenDiscretionReviewInput'>();

/** 泸市监规发〔2024〕2号 第六条: a review starts on one of four triggers. */
export function CaseCreate() {
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{ filedOn: today() } satisfies Partial<InputOf<'OpenDiscretionReviewInput'>>}
      >
        <FormDraft name="cases.new" />
        <TextInput source={s('caseName')} validate={required()} fullWidth />
        <TextInput source={s('subjectName')} validate={required()} fullWidth />
        <TextInput source={s('caseNumber')} />
        <TextInput source={s('handler')} />
        <TextInput source={s('department')} />
        <TextInput source={s('contactName')} />
        <TextInput source={s('contactPhone')} />
        <TextInput source={s('caseFiledOn')} type="date" InputLabelProps={{ shrink: true }} />
        <SelectInput
          source={s('trigger')}
          choices={enumChoices('CaseTrigger', CASE_TRIGGERS)}
          validate={required()}
        />
        <TextInput
          source={s('filedOn')}
          type="date"
          InputLabelProps={{ shrink: true }}
          validate={required()}
        />
      </SimpleForm>
    </Create>
  );
}
