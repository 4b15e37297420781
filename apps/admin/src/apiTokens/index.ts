import KeyIcon from '@mui/icons-material/VpnKey';
import { ApiTokenList } from './ApiTokenList.tsx';

export default { list: ApiTokenList, icon: KeyIcon };
