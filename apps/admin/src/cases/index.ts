import GavelIcon from '@mui/icons-material/Gavel';
import { CaseList } from './CaseList.tsx';
import { CaseShow } from './CaseShow.tsx';
import { CaseCreate } from './CaseCreate.tsx';

export default {
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  icon: GavelIcon,
  recordRepresentation: 'caseName',
};
