import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { signIn } from './auth/signIn.ts';
import { afterSignIn, LOGIN_HASH } from './auth/signInRoute.ts';
import { SignInShell } from './auth/SignInShell.tsx';
import { getToken } from './auth/token.ts';

// A visit without a session (every first visit) needs only the sign-in page: it is all this entry
// holds, and react-admin with the dashboard's pages (App.tsx) loads once the person has signed in.
// A visit with a session loads the dashboard at once. Inside the dashboard, a session that ends
// shows the same sign-in page through react-admin (auth/LoginPage.tsx).
const root = createRoot(document.getElementById('root')!);

// One download of the dashboard, started by the first keystroke on the sign-in page (after it is
// interactive: the time spent typing hides it) or by signing in; a failed one is tried again.
let dashboard: Promise<typeof import('./App.tsx')> | undefined;
function loadDashboard() {
  dashboard ??= import('./App.tsx').catch((error: unknown) => {
    dashboard = undefined;
    throw error;
  });
  return dashboard;
}

async function showDashboard(beforeShowing?: () => void) {
  const { App } = await loadDashboard();
  beforeShowing?.();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

if (getToken()) {
  void showDashboard();
} else {
  // The login page's own URL, as react-admin gives it; the page asked for opens after signing in.
  // Replace, not push: going back must not return to a page that only shows the login again.
  const next = afterSignIn(window.location.hash);
  history.replaceState(null, '', LOGIN_HASH);
  root.render(
    <StrictMode>
      <SignInShell
        signIn={signIn}
        onTyping={() => void loadDashboard().catch(() => undefined)}
        onSignedIn={() => showDashboard(() => history.replaceState(null, '', next))}
      />
    </StrictMode>,
  );
}
