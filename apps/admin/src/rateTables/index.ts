import TableChartIcon from '@mui/icons-material/TableChart';
import { RateTableList } from './RateTableList.tsx';
import { RateTableShow } from './RateTableShow.tsx';

export default {
  list: RateTableList,
  show: RateTableShow,
  icon: TableChartIcon,
  recordRepresentation: 'name',
};
