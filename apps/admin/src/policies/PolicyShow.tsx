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

/** Review cases stem from 泸市监规发〔2024〕2号 only; other documents have no cases tab. */
function CasesTab(props: { path: string; label: string }) {
  const record = useRecordContext<{ docNo: string }>();
  if (record?.docNo !== DISCRETION_REVIEW_DOC_NO) return null;
  return (
    <TabbedShowLayout.Tab {...props}>
      <ReferenceManyField reference="cases" target="policyDocNo" label={false}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="caseName" label="resources.cases.fields.caseName" />
          <DataTable.Col source="state" label="resources.cases.fields.state">
            <EnumField source="state" enumName="CaseState" />
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
            <TextField source="docNo" />
            <TextField source="title" />
            <EnumField
              source="category"
              enumName="PolicyCategory"
              label="resources.policies.fields.category"
            />
            <ArrayField source="issuers">
              <SingleFieldList linkType={false}>
                <ChipField source="name" size="small" />
              </SingleFieldList>
            </ArrayField>
            <EnumField
              source="status"
              enumName="PolicyStatus"
              label="resources.policies.fields.status"
            />
            <ValidityNotice label={false} />
            <BooleanField source="isTrial" />
            <TextField source="validityClause" emptyText="—" />
            <Typography variant="subtitle2">{translate('policies.timeline')}</Typography>
            <ValidityTimeline />
            <PlainDateField source="signedOn" label="resources.policies.fields.signedOn" />
            <TextField source="summary" emptyText="—" />
            <SourceLine label="policies.source" />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="policies.tabs.text" path="text">
            <PolicyText label={false} />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="policies.tabs.rateTables">
            <ArrayField source="rateTables" label={false}>
              <DataTable
                rowClick={(id) => `/rateTables/${encodeURIComponent(String(id))}/show`}
                bulkActionButtons={false}
              >
                <DataTable.Col source="name" label="resources.rateTables.fields.name" />
                <DataTable.Col source="kind" label="resources.rateTables.fields.kind">
                  <EnumField source="kind" enumName="RateTableKind" />
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
