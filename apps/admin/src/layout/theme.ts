import { defaultTheme } from 'react-admin';

// Chinese UI fonts first; dense enough for 1366×768.
export const theme = {
  ...defaultTheme,
  typography: {
    fontFamily:
      '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif',
  },
  sidebar: { width: 200, closedWidth: 50 },
};
