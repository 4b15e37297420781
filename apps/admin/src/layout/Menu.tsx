import { Menu as RaMenu, useCanAccess } from 'react-admin';
import CalculateIcon from '@mui/icons-material/Calculate';
import InsightsIcon from '@mui/icons-material/Insights';
import DescriptionIcon from '@mui/icons-material/Description';
import TableChartIcon from '@mui/icons-material/TableChart';
import GavelIcon from '@mui/icons-material/Gavel';
import LanguageIcon from '@mui/icons-material/Public';
import PhoneAndroidIcon from '@mui/icons-material/PhoneAndroid';
import ApartmentIcon from '@mui/icons-material/Apartment';
import HistoryIcon from '@mui/icons-material/History';
import KeyIcon from '@mui/icons-material/VpnKey';
import PeopleIcon from '@mui/icons-material/People';
import NewspaperIcon from '@mui/icons-material/Newspaper';
import WebhookIcon from '@mui/icons-material/Webhook';
import FactCheckIcon from '@mui/icons-material/FactCheck';

function ResourceItem({
  name,
  label,
  icon,
}: {
  name: string;
  label: string;
  icon: React.ReactNode;
}) {
  const { canAccess } = useCanAccess({ resource: name, action: 'list' });
  if (!canAccess) return null;
  return <RaMenu.Item to={`/${name}`} primaryText={label} leftIcon={icon} />;
}

/** A page that is not a resource list, shown only to those allowed to `list` the resource it stands for. */
function PageItem({
  to,
  resource,
  label,
  icon,
}: {
  to: string;
  resource: string;
  label: string;
  icon: React.ReactNode;
}) {
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  if (!canAccess) return null;
  return <RaMenu.Item to={to} primaryText={label} leftIcon={icon} />;
}

/** The menu follows the role: 导入公报, accounts, tokens and the audit log only for administrators. */
export function Menu() {
  return (
    <RaMenu>
      <RaMenu.Item to="/" primaryText="app.menu.compliance" leftIcon={<InsightsIcon />} />
      <RaMenu.Item
        to="/calculators"
        primaryText="app.menu.calculators"
        leftIcon={<CalculateIcon />}
      />
      <ResourceItem name="policies" label="app.menu.policies" icon={<DescriptionIcon />} />
      <ResourceItem name="rateTables" label="app.menu.rateTables" icon={<TableChartIcon />} />
      <ResourceItem name="cases" label="app.menu.cases" icon={<GavelIcon />} />
      <ResourceItem
        name="websiteFindings"
        label="app.menu.websiteFindings"
        icon={<LanguageIcon />}
      />
      <ResourceItem
        name="newMediaFindings"
        label="app.menu.newMediaFindings"
        icon={<PhoneAndroidIcon />}
      />
      <ResourceItem name="reviewTasks" label="app.menu.reviewTasks" icon={<FactCheckIcon />} />
      <PageItem
        to="/gazette-imports"
        resource="gazetteImports"
        label="app.menu.gazetteImports"
        icon={<NewspaperIcon />}
      />
      <ResourceItem name="organizations" label="app.menu.organizations" icon={<ApartmentIcon />} />
      <ResourceItem name="auditEntries" label="app.menu.auditEntries" icon={<HistoryIcon />} />
      <ResourceItem name="apiTokens" label="app.menu.apiTokens" icon={<KeyIcon />} />
      <ResourceItem name="webhooks" label="app.menu.webhooks" icon={<WebhookIcon />} />
      <ResourceItem name="users" label="app.menu.users" icon={<PeopleIcon />} />
    </RaMenu>
  );
}
