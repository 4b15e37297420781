import { defaultTheme } from 'react-admin';
import { KeyboardRow } from '../shared/KeyboardRow.tsx';

// Chinese UI fonts first; dense enough for 1366×768.
export const theme = {
  ...defaultTheme,
  typography: {
    fontFamily:
      '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif',
  },
  sidebar: { width: 200, closedWidth: 50 },
  components: {
    ...defaultTheme.components,
    // Every list's rows open with Enter as well as a click.
    RaDataTableBody: { defaultProps: { row: KeyboardRow } },
  },
};
