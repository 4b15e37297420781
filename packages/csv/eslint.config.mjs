import base from '@gazette/eslint-config';
export default base;
