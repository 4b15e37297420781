import { useEffect, type ReactNode } from 'react';
import { LoadingPage, useAuthState, useLocation, useNavigate } from 'react-admin';

/**
 * The dashboard's authentication gate, in place of `<Admin requireAuth>`.
 *
 * react-admin's requireAuth sends a visitor without a session to the login page by logging out:
 * useLogout navigates to /login and, in the same tick, clears the query cache. react-router 7
 * renders that navigation as a transition, so the protected routes are still mounted when the
 * cache is cleared; they check the session again, fail again at once, and log out again — each
 * round restarting the login page's render. A first visit changed the URL thousands of times
 * (12–17 s of blank page) before the login form appeared. Without a session there is nothing to
 * log out of: this gate only checks (authProvider.checkAuth) and redirects, keeping where the
 * visitor was going so that react-admin's login returns there. Sessions that end later (an
 * UNAUTHENTICATED answer, the logout button) still go through logout.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { authenticated, isPending } = useAuthState();
  if (isPending) return <LoadingPage />;
  if (!authenticated) return <RedirectToLogin />;
  return <>{children}</>;
}

function RedirectToLogin() {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  useEffect(() => {
    // Replace: going back must not return to a page that only redirects here again.
    navigate('/login', { replace: true, state: { nextPathname: pathname, nextSearch: search } });
  }, [navigate, pathname, search]);
  return null;
}
