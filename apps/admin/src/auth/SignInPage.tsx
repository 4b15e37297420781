import { type FormEvent, useId, useRef, useState } from 'react';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import LockIcon from '@mui/icons-material/Lock';
import TranslateIcon from '@mui/icons-material/Translate';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { LOCALES, type Locale, SIGN_IN_MESSAGES } from '../i18n/signIn.ts';

export interface SignInPageProps {
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  /** Signs in; a rejection's message is shown as react-admin shows a failed login. */
  onSubmit(email: string, password: string): Promise<unknown>;
  /** Called on every change of a field (main.tsx starts downloading the dashboard on the first). */
  onTyping?(): void;
}

type Field = 'username' | 'password';

/**
 * The sign-in page: email and password, the language switch, the API's reason when it fails.
 *
 * Built from Material UI alone (no react-admin context), so that a visit without a session shows
 * it without downloading the dashboard (main.tsx); inside the dashboard LoginPage.tsx renders the
 * same page around react-admin's login. It looks and behaves as react-admin's <Login> with
 * <LoginForm> did: the same card on the same background, required fields marked and checked on
 * submit, a notification with the API's message when signing in fails.
 */
export function SignInPage({ locale, onLocaleChange, onSubmit, onTyping }: SignInPageProps) {
  const m = SIGN_IN_MESSAGES[locale];
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [touched, setTouched] = useState<Record<Field, boolean>>({
    username: false,
    password: false,
  });
  const [submitted, setSubmitted] = useState(false);
  const [loading, setLoading] = useState(false);
  const [visible, setVisible] = useState(false);
  const [notice, setNotice] = useState<{ open: boolean; message: string }>({
    open: false,
    message: '',
  });
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const inputs = {
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const ids = { username: useId(), password: useId() };

  const missing = (field: Field) => values[field].length === 0;
  const shownError = (field: Field) => (submitted || touched[field]) && missing(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const firstMissing = (['username', 'password'] as const).find(missing);
    if (firstMissing) {
      inputs[firstMissing].current?.focus();
      setNotice({ open: true, message: m.invalidForm });
      return;
    }
    setLoading(true);
    onSubmit(values.username, values.password).catch((error: unknown) => {
      setLoading(false);
      const message =
        typeof error === 'string' ? error : error instanceof Error ? error.message : '';
      setNotice({ open: true, message: message || m.signInError });
    });
  };

  const field = (name: Field, label: string) => ({
    id: ids[name],
    name,
    label: (
      <span>
        {label}
        <span aria-hidden="true"> *</span>
      </span>
    ),
    value: values[name],
    onChange: (e: { target: { value: string } }) => {
      onTyping?.();
      setValues((v) => ({ ...v, [name]: e.target.value }));
    },
    onBlur: () => setTouched((t) => ({ ...t, [name]: true })),
    error: shownError(name),
    helperText: shownError(name) ? m.required : <span>{'\u200b'}</span>,
    inputRef: inputs[name],
  });

  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        minHeight: '100vh',
        height: '1px',
        alignItems: 'center',
        justifyContent: 'flex-start',
        backgroundRepeat: 'no-repeat',
        backgroundSize: 'cover',
        backgroundImage:
          'radial-gradient(circle at 50% 14em, #313264 0%, #00023b 60%, #00023b 100%)',
      }}
    >
      <Card sx={{ minWidth: 300, marginTop: '6em' }}>
        <Box sx={{ margin: '1em', display: 'flex', justifyContent: 'center' }}>
          {/* react-admin's <Login> colours it secondary[500], which its default theme lacks. */}
          <Avatar
            sx={(theme) => ({
              backgroundColor: (
                theme.palette.secondary as unknown as Partial<Record<number, string>>
              )[500],
            })}
          >
            <LockIcon />
          </Avatar>
        </Box>
        <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
          <Typography variant="h6">{m.title}</Typography>
          <Typography variant="body2" color="text.secondary">
            {m.hint}
          </Typography>
          <span>
            <Button
              color="inherit"
              variant="text"
              aria-controls="simple-menu"
              aria-label=""
              aria-haspopup="true"
              onClick={(e) => setMenuAnchor(e.currentTarget)}
              startIcon={<TranslateIcon />}
              endIcon={<ExpandMoreIcon fontSize="small" />}
            >
              {LOCALES.find((l) => l.locale === locale)?.name}
            </Button>
            <Menu
              id="simple-menu"
              anchorEl={menuAnchor}
              keepMounted
              open={Boolean(menuAnchor)}
              onClose={() => setMenuAnchor(null)}
            >
              {LOCALES.map((l) => (
                <MenuItem
                  key={l.locale}
                  selected={l.locale === locale}
                  onClick={() => {
                    setMenuAnchor(null);
                    onLocaleChange(l.locale);
                  }}
                >
                  {l.name}
                </MenuItem>
              ))}
            </Menu>
          </span>
        </Box>
        <form noValidate onSubmit={submit}>
          <CardContent sx={{ width: 300, pb: (theme) => `${theme.spacing(2)}!important` }}>
            <TextField
              {...field('username', m.username)}
              autoFocus
              autoComplete="username"
              type="text"
            />
            <TextField
              {...field('password', m.password)}
              autoComplete="current-password"
              type={visible ? 'text' : 'password'}
              slotProps={{
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        aria-label={visible ? m.hidePassword : m.showPassword}
                        onClick={() => setVisible(!visible)}
                        size="small"
                      >
                        {visible ? (
                          <Visibility fontSize="small" />
                        ) : (
                          <VisibilityOff fontSize="small" />
                        )}
                      </IconButton>
                    </InputAdornment>
                  ),
                },
              }}
            />
            <Button
              variant="contained"
              type="submit"
              color="primary"
              disabled={loading}
              fullWidth
              sx={{ mt: 2 }}
            >
              {loading ? <CircularProgress sx={{ m: 0.3 }} size={19} thickness={3} /> : m.signIn}
            </Button>
          </CardContent>
        </form>
      </Card>
      <Snackbar
        open={notice.open}
        message={notice.message}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        autoHideDuration={4000}
        onClose={() => setNotice((n) => ({ ...n, open: false }))}
        slotProps={{
          content: { sx: { bgcolor: 'error.main', color: 'error.contrastText' } },
        }}
      />
    </Box>
  );
}
