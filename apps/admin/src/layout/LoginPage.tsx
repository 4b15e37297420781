import { Login, LoginForm, LocalesMenuButton, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';

/** Sign-in with email and password; the language can be switched before signing in. */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h6">{translate('app.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.login.hint')}
        </Typography>
        <LocalesMenuButton />
      </Box>
      <LoginForm />
    </Login>
  );
}
