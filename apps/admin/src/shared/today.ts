import { todayInShanghai } from '@gazette/domain';

export const today = () => todayInShanghai();
