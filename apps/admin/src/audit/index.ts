import HistoryIcon from '@mui/icons-material/History';
import { AuditList } from './AuditList.tsx';

export default { list: AuditList, icon: HistoryIcon };
