import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import {
  Admin,
  CustomRoutes,
  Loading,
  Resource,
  reactRouterProvider,
  useTranslate,
} from 'react-admin';
import ApartmentIcon from '@mui/icons-material/Apartment';
import DescriptionIcon from '@mui/icons-material/Description';
import GavelIcon from '@mui/icons-material/Gavel';
import HistoryIcon from '@mui/icons-material/History';
import PeopleIcon from '@mui/icons-material/People';
import PhoneAndroidIcon from '@mui/icons-material/PhoneAndroid';
import LanguageIcon from '@mui/icons-material/Public';
import TableChartIcon from '@mui/icons-material/TableChart';
import KeyIcon from '@mui/icons-material/VpnKey';
import WebhookIcon from '@mui/icons-material/Webhook';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { authProvider } from './auth/authProvider.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { dataProvider } from './dataProvider/dataProvider.ts';
import { i18nProvider } from './i18n/i18nProvider.ts';
import { theme } from './layout/theme.ts';

// Loaded after signing in (main.tsx: a visit without a session shows auth/SignInShell.tsx
// without this module). Route-level code splitting within it: the signed-in layout,
// every resource's pages and every custom page are chunks of their own, fetched when first shown
// (react-admin's Loading meanwhile). Icons and record representations stay here so the menu
// needs no page code. A new resource: add it with lazyPages, not a static import of its pages.
type PageKind = 'list' | 'show' | 'edit' | 'create';
type Pages = Partial<Record<PageKind, ComponentType>>;

function lazyPages(load: () => Promise<Pages>, kinds: PageKind[]): Pages {
  const pages: Pages = {};
  for (const kind of kinds) {
    pages[kind] = lazy(async () => ({ default: (await load())[kind]! }));
  }
  return pages;
}

const named = <K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) => lazy(async () => ({ default: (await load())[name] }));

const policies = lazyPages(
  () => import('./policies/index.ts').then((m) => m.default),
  ['list', 'show', 'edit', 'create'],
);
const rateTables = lazyPages(
  () => import('./rateTables/index.ts').then((m) => m.default),
  ['list', 'show'],
);
const cases = lazyPages(
  () => import('./cases/index.ts').then((m) => m.default),
  ['list', 'show', 'create'],
);
const organizations = lazyPages(
  () => import('./organizations/index.ts').then((m) => m.default),
  ['list', 'edit', 'create'],
);
const auditEntries = lazyPages(() => import('./audit/index.ts').then((m) => m.default), ['list']);
const apiTokens = lazyPages(() => import('./apiTokens/index.ts').then((m) => m.default), ['list']);
const users = lazyPages(
  () => import('./users/index.ts').then((m) => m.default),
  ['list', 'edit', 'create'],
);
const webhooks = lazyPages(() => import('./webhooks/index.ts').then((m) => m.default), ['list']);
const reviewTasks = lazyPages(
  () => import('./reviewTasks/index.ts').then((m) => m.default),
  ['list'],
);
const websiteFindings = lazyPages(
  () => import('./inspections/index.ts').then((m) => m.websiteFindings),
  ['list', 'edit'],
);
const newMediaFindings = lazyPages(
  () => import('./inspections/index.ts').then((m) => m.newMediaFindings),
  ['list', 'edit'],
);

// The signed-in frame (menu, search, app bar) is not needed to sign in.
const SignedInLayout = named(() => import('./layout/Layout.tsx'), 'Layout') as ComponentType<{
  children: ReactNode;
}>;
function Layout({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Loading />}>
      <SignedInLayout>{children}</SignedInLayout>
    </Suspense>
  );
}

const HomePage = named(() => import('./worklist/HomePage.tsx'), 'HomePage');
const CompliancePage = named(() => import('./dashboard/CompliancePage.tsx'), 'CompliancePage');
const CalculatorsPage = named(() => import('./calculators/CalculatorsPage.tsx'), 'CalculatorsPage');
const GazetteImportPage = named(
  () => import('./gazetteImports/GazetteImportPage.tsx'),
  'GazetteImportPage',
);
const NoticePrint = named(() => import('./cases/NoticePrint.tsx'), 'NoticePrint');
const ApprovalFormPrint = named(() => import('./cases/ApprovalFormPrint.tsx'), 'ApprovalFormPrint');

const { Route } = reactRouterProvider;

/**
 * The application's name in the user's language. react-admin shows the Admin's title as given
 * (not through translate) on its not-found and error pages: a key there would be shown as is.
 */
function AppTitle() {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
}

export function App() {
  return (
    <Admin
      title={<AppTitle />}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      loginPage={LoginPage}
      dashboard={HomePage}
      theme={theme}
      disableTelemetry
    >
      <Resource name="policies" {...policies} icon={DescriptionIcon} recordRepresentation="docNo" />
      <Resource
        name="rateTables"
        {...rateTables}
        icon={TableChartIcon}
        recordRepresentation="name"
      />
      <Resource name="rateTableVersions" />
      <Resource name="rateEntries" />
      <Resource name="cases" {...cases} icon={GavelIcon} recordRepresentation="caseName" />
      <Resource name="websiteFindings" {...websiteFindings} icon={LanguageIcon} />
      <Resource name="newMediaFindings" {...newMediaFindings} icon={PhoneAndroidIcon} />
      <Resource name="inspectionRounds" />
      <Resource
        name="organizations"
        {...organizations}
        icon={ApartmentIcon}
        recordRepresentation="name"
      />
      <Resource name="organizationAliases" recordRepresentation="alias" />
      <Resource name="auditEntries" {...auditEntries} icon={HistoryIcon} />
      <Resource name="apiTokens" {...apiTokens} icon={KeyIcon} />
      <Resource name="users" {...users} icon={PeopleIcon} recordRepresentation="email" />
      <Resource name="webhooks" {...webhooks} icon={WebhookIcon} />
      <Resource name="reviewTasks" {...reviewTasks} icon={FactCheckIcon} />
      <CustomRoutes noLayout>
        <Route
          path="/print/cases/:id/:kind"
          element={
            <Suspense fallback={<Loading />}>
              <NoticePrint />
            </Suspense>
          }
        />
        <Route
          path="/print/cases/:id/forms/:kind"
          element={
            <Suspense fallback={<Loading />}>
              <ApprovalFormPrint />
            </Suspense>
          }
        />
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
