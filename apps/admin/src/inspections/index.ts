import LanguageIcon from '@mui/icons-material/Public';
import PhoneAndroidIcon from '@mui/icons-material/PhoneAndroid';
import { createElement } from 'react';
import { FindingEdit, NewMediaFindingList, WebsiteFindingList } from './FindingList.tsx';

export const websiteFindings = {
  list: WebsiteFindingList,
  edit: () => createElement(FindingEdit, { resource: 'websiteFindings' }),
  icon: LanguageIcon,
};
export const newMediaFindings = {
  list: NewMediaFindingList,
  edit: () => createElement(FindingEdit, { resource: 'newMediaFindings' }),
  icon: PhoneAndroidIcon,
};
