import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ReviewTaskList } from './ReviewTaskList.tsx';

export default { list: ReviewTaskList, icon: FactCheckIcon };
