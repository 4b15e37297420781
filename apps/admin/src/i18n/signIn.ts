// The sign-in page's strings in both languages, without the dashboard's dictionaries: the login
// page of a visit without a session loads this instead of zh.ts/en.ts (which pull in the domain's
// labels and react-admin's messages). signIn.test.ts keeps every string equal to its key in
// zh.ts/en.ts, so the page reads the same before and after the dashboard has loaded.

export type Locale = 'zh' | 'en';

/** The language switch's choices, Chinese first (also react-admin's `availableLocales`). */
export const LOCALES: { locale: Locale; name: string }[] = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

export interface SignInMessages {
  /** app.title */
  title: string;
  /** app.login.hint */
  hint: string;
  /** ra.auth.username */
  username: string;
  /** ra.auth.password */
  password: string;
  /** ra.auth.sign_in */
  signIn: string;
  /** ra.auth.sign_in_error */
  signInError: string;
  /** ra.validation.required */
  required: string;
  /** ra.message.invalid_form (submitting with a field missing) */
  invalidForm: string;
  /** ra.input.password.toggle_visible (the password is shown; the button hides it) */
  hidePassword: string;
  /** ra.input.password.toggle_hidden (the password is hidden; the button shows it) */
  showPassword: string;
}

export const SIGN_IN_MESSAGES: Record<Locale, SignInMessages> = {
  zh: {
    title: '泸州市政府公报数据管理',
    hint: '请使用管理员分配的账号登录',
    username: '邮箱',
    password: '密码',
    signIn: '登录',
    signInError: '登录失败，请重试',
    required: '必填',
    invalidForm: '表单有误，请检查',
    hidePassword: '隐藏密码',
    showPassword: '显示密码',
  },
  en: {
    title: 'Luzhou Gazette Data',
    hint: 'Sign in with the account your administrator gave you',
    username: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signInError: 'Authentication failed, please retry',
    required: 'Required',
    invalidForm: 'The form is not valid. Please check for errors',
    hidePassword: 'Hide password',
    showPassword: 'Show password',
  },
};

/** The dictionary key each sign-in string mirrors (checked by signIn.test.ts). */
export const SIGN_IN_KEYS: Record<keyof SignInMessages, string> = {
  title: 'app.title',
  hint: 'app.login.hint',
  username: 'ra.auth.username',
  password: 'ra.auth.password',
  signIn: 'ra.auth.sign_in',
  signInError: 'ra.auth.sign_in_error',
  required: 'ra.validation.required',
  invalidForm: 'ra.message.invalid_form',
  hidePassword: 'ra.input.password.toggle_visible',
  showPassword: 'ra.input.password.toggle_hidden',
};

// react-admin keeps the chosen language in its localStorage store (`RaStore.<key>`, JSON): the
// sign-in page reads and writes the same entry so the dashboard opens in the language chosen here.
const LOCALE_KEY = 'RaStore.locale';

export function storedLocale(): Locale {
  try {
    return JSON.parse(localStorage.getItem(LOCALE_KEY) ?? '""') === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLocale(locale: Locale) {
  localStorage.setItem(LOCALE_KEY, JSON.stringify(locale));
}
