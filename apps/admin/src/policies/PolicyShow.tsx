import {
  ArrayField,
  BooleanField,
  ChipField,
  DataTable,
  EditButton,
  ReferenceManyField,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { DISCRETION_REVIEW_DOC_NO } from '@gazette/domain';
import { EnumField, PlainDateField } from '../shared/fields.tsx';
import { ValidityTimeline } from './ValidityTimeline.tsx';
import { PolicyDetailsProvider, PolicyText, SourceLine, ValidityNotice } from './PolicyDetails.tsx';
import { fieldOf } from '../shared/schemaNames.ts';

const policy = fieldOf<'Policy'>();
const caseField = fieldOf<'DiscretionCase'>();
const issuer = fieldOf<'Organization'>();
const rateTable = fieldOf<'RateTable'>();

/** Review cases stem from 泸市监规发〔2024〕2号 only; other documents have no cases tab. */
function CasesTab(props: { path: string; label: string }) {
  const record = useRecordContext<{ docNo: string }>();
  if (record?.docNo !== DISCRETION_REVIEW_DOC_NO) return null;
  return (
    <TabbedShowLayout.Tab {...props}>
      <ReferenceManyField reference="cases" target="policyDocNo" label={false}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source={caseField('caseName')} label="resources.cases.fields.caseName" />
          <DataTable.Col source={caseField('state')} label="resources.cases.fields.state">
            <EnumField source={caseField('state')} enumName="CaseState" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </TabbedShowLayout.Tab>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
    </TopToolbar>
  );
}

export function PolicyShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <PolicyDetailsProvider>
        <TabbedShowLayout>
          <TabbedShowLayout.Tab label="policies.tabs.document">
            <TextField source={policy('docNo')} />
            <TextField source={policy('title')} />
            <EnumField
              source={policy('category')}
              enumName="PolicyCategory"
              label="resources.policies.fields.category"
            />
            <ArrayField source={policy('issuers')}>
              <SingleFieldList linkType={false}>
                <ChipField source={issuer('name')} size="small" />
              </SingleFieldList>
            </ArrayField>
            <EnumField
              source={policy('status')}
              enumName="PolicyStatus"
              label="resources.policies.fields.status"
            />
            <ValidityNotice label={false} />
            <BooleanField source={policy('isTrial')} />
            <TextField source={policy('validityClause')} emptyText="—" />
            <Typography variant="subtitle2">{translate('policies.timeline')}</Typography>
            <ValidityTimeline />
            <PlainDateField
              source={policy('signedOn')}
              label="resources.policies.fields.signedOn"
            />
            <TextField source={policy('summary')} emptyText="—" />
            <SourceLine label="policies.source" />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="policies.tabs.text" path="text">
            <PolicyText label={false} />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="policies.tabs.rateTables">
            <ArrayField source={policy('rateTables')} label={false}>
              <DataTable
                rowClick={(id) => `/rateTables/${encodeURIComponent(String(id))}/show`}
                bulkActionButtons={false}
              >
                <DataTable.Col
                  source={rateTable('name')}
                  label="resources.rateTables.fields.name"
                />
                <DataTable.Col source={rateTable('kind')} label="resources.rateTables.fields.kind">
                  <EnumField source={rateTable('kind')} enumName="RateTableKind" />
                </DataTable.Col>
              </DataTable>
            </ArrayField>
          </TabbedShowLayout.Tab>
          <CasesTab path="cases" label="policies.tabs.cases" />
        </TabbedShowLayout>
      </PolicyDetailsProvider>
    </Show>
  );
}
