import { useLayoutEffect, useRef } from 'react';
import { Sidebar as RaSidebar, useSidebarState, type SidebarProps } from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';

/**
 * A tablet (from `sm` up to `md`, e.g. 768 px) is wide enough for react-admin's permanent drawer,
 * which then opens at full width and takes a quarter of the page. There it starts folded to its
 * icons; the app bar's menu button opens it, and choosing a page folds it again (react-admin's
 * menu items close it below `md`). Phones keep react-admin's overlay drawer, laptops and wider
 * keep it open. Leaving the tablet width (a rotated tablet, a resized window) restores the open
 * state wider screens start with.
 */
export const tabletQuery = (theme: Theme) => theme.breakpoints.between('sm', 'md');

export function Sidebar(props: SidebarProps) {
  const tablet = useMediaQuery(tabletQuery, { noSsr: true });
  const [, setOpen] = useSidebarState();
  const was = useRef<boolean | null>(null);
  // Before paint: the drawer never flashes open on a tablet.
  useLayoutEffect(() => {
    if (was.current === tablet) return;
    if (tablet) setOpen(false);
    else if (was.current) setOpen(true);
    was.current = tablet;
  }, [tablet, setOpen]);
  return <RaSidebar {...props} />;
}
