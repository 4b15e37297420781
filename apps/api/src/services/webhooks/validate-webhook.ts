// The checks on what an administrator types for a webhook, each error naming its field in Chinese.
import { badInput } from '@gazette/domain';
import type { ChangeKind } from '@gazette/db/changes/record';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'POLICY_ADDED',
  'POLICY_CHANGED',
  'POLICY_REPEALED',
  'RATES_PUBLISHED',
  'INSPECTION_RESULTS',
];
export const MAX_URL_LENGTH = 2000;
export const MAX_DESCRIPTION_LENGTH = 200;

/** An absolute http(s) URL with a host and no user:password part; returned normalised. */
export function checkWebhookUrl(raw: string, field = 'url'): string {
  const text = raw.trim();
  if (!text) throw badInput(field, '接收地址(url)为必填项');
  if (text.length > MAX_URL_LENGTH)
    throw badInput(field, `接收地址(url)不能超过 ${MAX_URL_LENGTH} 个字符`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(
      field,
      `接收地址(url)不是有效的网址:${text}(应形如 https://example.org/hooks/gazette)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput(field, `接收地址(url)须以 http:// 或 https:// 开头:${text}`);
  }
  if (!url.hostname) throw badInput(field, `接收地址(url)缺少主机名:${text}`);
  // Credentials in a URL end up in logs and audit entries; the signature authenticates instead.
  if (url.username || url.password)
    throw badInput(field, '接收地址(url)不能包含用户名或密码;接收方请用签名校验来源');
  if (url.hash) throw badInput(field, '接收地址(url)不能包含 # 片段');
  return url.toString();
}

/** At least one known kind, each once, in the feed's order. */
export function checkWebhookKinds(kinds: readonly string[], field = 'kinds'): ChangeKind[] {
  if (kinds.length === 0) throw badInput(field, '事件类别(kinds)至少选择一项');
  for (const kind of kinds) {
    if (!(CHANGE_KINDS as readonly string[]).includes(kind))
      throw badInput(field, `事件类别(kinds)无效:${kind}`);
  }
  return CHANGE_KINDS.filter((k) => kinds.includes(k));
}

export function checkWebhookDescription(
  raw: string | null | undefined,
  field = 'description',
): string | null {
  const text = raw?.trim() ?? '';
  if (text.length > MAX_DESCRIPTION_LENGTH)
    throw badInput(field, `说明(description)不能超过 ${MAX_DESCRIPTION_LENGTH} 个字符`);
  return text || null;
}
