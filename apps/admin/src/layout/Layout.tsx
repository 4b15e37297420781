import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LocalesMenuButton, TitlePortal, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { Box, Chip } from '@mui/material';
import { Menu } from './Menu.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { ConflictDialog } from '../shared/ConflictDialog.tsx';
import { RequireSession } from '../auth/RequireSession.tsx';

function RoleChip() {
  const { permissions } = usePermissions<string | null>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!permissions) return null;
  return (
    <Chip
      size="small"
      color="default"
      sx={{ bgcolor: 'rgba(255,255,255,0.2)', color: 'inherit', mr: 1, display: { xs: 'none', sm: 'flex' } }}
      label={`${identity?.fullName ?? ''} · ${translate(`enums.Role.${permissions}`)}`}
      data-testid="role-chip"
    />
  );
}

function GazetteAppBar() {
  return (
    <AppBar toolbar={<><RoleChip /><LocalesMenuButton /></>}>
      <TitlePortal sx={{ flex: '1 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} />
      <SearchBox />
      <Box flex={0} />
    </AppBar>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      {/* The content may shrink below its widest table, which then scrolls inside its own box. */}
      <RaLayout appBar={GazetteAppBar} menu={Menu} sx={{ minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } }}>
        {children}
        <ConflictDialog />
      </RaLayout>
    </RequireSession>
  );
}
