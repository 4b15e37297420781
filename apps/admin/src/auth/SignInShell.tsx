import { useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { theme } from '../layout/theme.ts';
import { storedLocale, storeLocale } from '../i18n/signIn.ts';
import { SignInPage } from './SignInPage.tsx';

const muiTheme = createTheme(theme);

/**
 * A visit without a session: the sign-in page on react-admin's theme, without react-admin.
 * `onSignedIn` runs once the session is stored; it loads and shows the dashboard (main.tsx), and
 * its failure (the dashboard could not be downloaded) is reported like a failed sign-in.
 * `onTyping` tells the first keystroke, so the dashboard can download while the person types.
 */
export function SignInShell({
  signIn,
  onSignedIn,
  onTyping,
}: {
  signIn(email: string, password: string): Promise<void>;
  onSignedIn(): Promise<void>;
  onTyping?(): void;
}) {
  const [locale, setLocale] = useState(storedLocale);
  return (
    <ThemeProvider theme={muiTheme}>
      <CssBaseline enableColorScheme />
      <SignInPage
        onTyping={onTyping}
        locale={locale}
        onLocaleChange={(l) => {
          storeLocale(l);
          setLocale(l);
        }}
        onSubmit={async (email, password) => {
          await signIn(email, password);
          await onSignedIn();
        }}
      />
    </ThemeProvider>
  );
}
