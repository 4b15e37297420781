import PeopleIcon from '@mui/icons-material/People';
import { UserCreate, UserEdit, UserList } from './UserList.tsx';

export default {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'email',
};
