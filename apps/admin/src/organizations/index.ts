import ApartmentIcon from '@mui/icons-material/Apartment';
import { OrganizationList } from './OrganizationList.tsx';
import { OrganizationCreate, OrganizationEdit } from './OrganizationEdit.tsx';

export default {
  list: OrganizationList,
  edit: OrganizationEdit,
  create: OrganizationCreate,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
