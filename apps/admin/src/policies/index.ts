import DescriptionIcon from '@mui/icons-material/Description';
import { PolicyList } from './PolicyList.tsx';
import { PolicyShow } from './PolicyShow.tsx';
import { PolicyEdit } from './PolicyEdit.tsx';
import { PolicyCreate } from './PolicyCreate.tsx';

export default {
  list: PolicyList,
  show: PolicyShow,
  edit: PolicyEdit,
  create: PolicyCreate,
  icon: DescriptionIcon,
  recordRepresentation: 'docNo',
};
