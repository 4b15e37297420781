import {
  ArrayField, BooleanField, ChipField, DataTable, EditButton, ReferenceManyField, Show, SingleFieldList, TabbedShowLayout, TextField, TopToolbar, useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { EnumField, PlainDateField } from '../shared/fields.tsx';
import { ValidityTimeline } from './ValidityTimeline.tsx';

function Actions() {
  return <TopToolbar><EditButton /></TopToolbar>;
}

export function PolicyShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="policies.tabs.document">
          <TextField source="docNo" />
          <TextField source="title" />
          <EnumField source="category" enumName="PolicyCategory" label="resources.policies.fields.category" />
          <ArrayField source="issuers">
            <SingleFieldList linkType={false}><ChipField source="name" size="small" /></SingleFieldList>
          </ArrayField>
          <EnumField source="status" enumName="PolicyStatus" label="resources.policies.fields.status" />
          <BooleanField source="isTrial" />
          <TextField source="validityClause" emptyText="—" />
          <Typography variant="subtitle2">{translate('policies.timeline')}</Typography>
          <ValidityTimeline />
          <PlainDateField source="signedOn" label="resources.policies.fields.signedOn" />
          <TextField source="summary" emptyText="—" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="policies.tabs.rateTables">
          <ReferenceManyField reference="rateTables" target="policyId" label={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="name" label="resources.rateTables.fields.name" />
              <DataTable.Col source="kind" label="resources.rateTables.fields.kind"><EnumField source="kind" enumName="RateTableKind" /></DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="policies.tabs.cases">
          <ReferenceManyField reference="cases" target="policyId" label={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="caseName" label="resources.cases.fields.caseName" />
              <DataTable.Col source="state" label="resources.cases.fields.state"><EnumField source="state" enumName="CaseState" /></DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
