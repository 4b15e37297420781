import { useState, type ReactNode } from 'react';
import {
  AppBar,
  Layout as RaLayout,
  LocalesMenuButton,
  TitlePortal,
  useGetIdentity,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { Box, Chip, useMediaQuery, type Theme } from '@mui/material';
import { Menu } from './Menu.tsx';
import { Sidebar } from './Sidebar.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { ConflictDialog } from '../shared/ConflictDialog.tsx';
import { RequireSession } from '../auth/RequireSession.tsx';

/** Below this width (a tablet, 768 px) the app bar folds search into an icon and shortens the chip. */
const compactQuery = (theme: Theme) => theme.breakpoints.down('md');

function RoleChip({ compact }: { compact: boolean }) {
  const { permissions } = usePermissions<string | null>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!permissions) return null;
  return (
    <Chip
      size="small"
      color="default"
      sx={{
        bgcolor: 'rgba(255,255,255,0.2)',
        color: 'inherit',
        mr: 1,
        display: { xs: 'none', sm: 'flex' },
      }}
      // On a tablet the name is in the user menu beside it; the chip says the role only.
      label={
        compact
          ? translate(`enums.Role.${permissions}`)
          : `${identity?.fullName ?? ''} · ${translate(`enums.Role.${permissions}`)}`
      }
      title={`${identity?.fullName ?? ''} · ${translate(`enums.Role.${permissions}`)}`}
      data-testid="role-chip"
    />
  );
}

function GazetteAppBar() {
  const compact = useMediaQuery(compactQuery);
  // While the folded search is open it takes the title's place.
  const [searching, setSearching] = useState(false);
  return (
    <AppBar
      toolbar={
        <>
          <RoleChip compact={compact} />
          {/* 中文 on one line, never wrapped under its icon. */}
          <Box sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap', minWidth: 0 } }}>
            <LocalesMenuButton />
          </Box>
        </>
      }
    >
      <TitlePortal
        sx={{
          flex: '1 1 auto',
          minWidth: 0,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          ...(compact && searching ? { display: 'none' } : {}),
        }}
      />
      <SearchBox
        key={compact ? 'compact' : 'wide'}
        compact={compact}
        onExpandedChange={setSearching}
      />
      <Box flex={0} />
    </AppBar>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      {/* The content may shrink below its widest table, which then scrolls inside its own box. */}
      <RaLayout
        appBar={GazetteAppBar}
        menu={Menu}
        sidebar={Sidebar}
        sx={{
          minWidth: 0,
          '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': {
            minWidth: 0,
          },
        }}
      >
        {children}
        <ConflictDialog />
      </RaLayout>
    </RequireSession>
  );
}
