import WebhookIcon from '@mui/icons-material/Webhook';
import { WebhookList } from './WebhookList.tsx';

export default { list: WebhookList, icon: WebhookIcon };
