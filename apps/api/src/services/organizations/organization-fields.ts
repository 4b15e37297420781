import { badInput, normalizeOrganizationName } from '@gazette/domain';

/** A body's name as stored: normalised, refused when blank (naming `field`). */
export function organizationName(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw badInput(field, `${field} 不能为空`);
  return normalizeOrganizationName(text);
}

/** An alias as stored: normalised, at least two characters. */
export function aliasText(alias: string): string {
  const key = normalizeOrganizationName(alias);
  if (key.length < 2) throw badInput('input.alias', 'alias(别名)至少2个字符');
  return key;
}
