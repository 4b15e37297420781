import { withBase } from '@gazette/vitest-config';
export default withBase();
