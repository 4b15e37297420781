import { useEffect } from 'react';
import { useCheckAuth, useLocaleState, useLogin, useNavigate } from 'react-admin';
import type { Locale } from '../i18n/signIn.ts';
import { SignInPage } from './SignInPage.tsx';

/**
 * The login page inside the dashboard (after signing out, or when a session ends): the same page
 * a visit without a session gets from main.tsx, signing in through react-admin so that it returns
 * to the page the person was on.
 */
export function LoginPage() {
  const login = useLogin();
  const [locale, setLocale] = useLocaleState();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  useEffect(() => {
    // Already signed in (a bookmarked /#/login): go home, as react-admin's <Login> does.
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);
  return (
    <SignInPage
      locale={locale === 'en' ? 'en' : 'zh'}
      onLocaleChange={(l: Locale) => setLocale(l)}
      onSubmit={(username, password) => login({ username, password })}
    />
  );
}
