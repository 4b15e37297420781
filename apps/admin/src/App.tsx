import { Admin, CustomRoutes, Resource, reactRouterProvider } from 'react-admin';
import { authProvider } from './auth/authProvider.ts';
import { dataProvider } from './dataProvider/dataProvider.ts';
import { i18nProvider } from './i18n/i18nProvider.ts';
import { Layout } from './layout/Layout.tsx';
import { LoginPage } from './layout/LoginPage.tsx';
import { CompliancePage } from './dashboard/CompliancePage.tsx';
import { HomePage } from './worklist/HomePage.tsx';
import { CalculatorsPage } from './calculators/CalculatorsPage.tsx';
import policies from './policies/index.ts';
import rateTables from './rateTables/index.ts';
import cases from './cases/index.ts';
import organizations from './organizations/index.ts';
import auditEntries from './audit/index.ts';
import apiTokens from './apiTokens/index.ts';
import users from './users/index.ts';
import webhooks from './webhooks/index.ts';
import reviewTasks from './reviewTasks/index.ts';
import { websiteFindings, newMediaFindings } from './inspections/index.ts';
import { theme } from './layout/theme.ts';
import { NoticePrint } from './cases/NoticePrint.tsx';
import { GazetteImportPage } from './gazetteImports/GazetteImportPage.tsx';

const { Route } = reactRouterProvider;

export function App() {
  return (
    <Admin
      title="app.title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      loginPage={LoginPage}
      dashboard={HomePage}
      theme={theme}
      disableTelemetry
    >
      <Resource name="policies" {...policies} />
      <Resource name="rateTables" {...rateTables} />
      <Resource name="rateTableVersions" />
      <Resource name="rateEntries" />
      <Resource name="cases" {...cases} />
      <Resource name="websiteFindings" {...websiteFindings} />
      <Resource name="newMediaFindings" {...newMediaFindings} />
      <Resource name="inspectionRounds" />
      <Resource name="organizations" {...organizations} />
      <Resource name="organizationAliases" recordRepresentation="alias" />
      <Resource name="auditEntries" {...auditEntries} />
      <Resource name="apiTokens" {...apiTokens} />
      <Resource name="users" {...users} />
      <Resource name="webhooks" {...webhooks} />
      <Resource name="reviewTasks" {...reviewTasks} />
      <CustomRoutes noLayout>
        <Route path="/print/cases/:id/:kind" element={<NoticePrint />} />
      </CustomRoutes>
      <CustomRoutes>
        <Route path="/calculators" element={<CalculatorsPage />} />
        <Route path="/compliance" element={<CompliancePage />} />
        <Route path="/gazette-imports" element={<GazetteImportPage />} />
        <Route path="/gazette-imports/:id" element={<GazetteImportPage />} />
      </CustomRoutes>
    </Admin>
  );
}
