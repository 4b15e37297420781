const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * A small whole number written in Arabic digits (全角 too) or Chinese numerals up to 九十九
 * (一, 两, 十, 十二, 二十, 二十五). Null when the text is not one.
 */
export function parseSmallNumber(text: string): number | null {
  const t = text.trim().replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/u.test(t)) return Number(t);
  if (t.length === 0) return null;
  const ten = t.indexOf('十');
  if (ten === -1) return t.length === 1 && t in DIGITS ? DIGITS[t]! : null;
  if (t.indexOf('十', ten + 1) !== -1) return null;
  const before = t.slice(0, ten);
  const after = t.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 && before in DIGITS ? DIGITS[before]! : NaN;
  const ones = after === '' ? 0 : after.length === 1 && after in DIGITS ? DIGITS[after]! : NaN;
  if (Number.isNaN(tens) || Number.isNaN(ones) || tens === 0) return null;
  return tens * 10 + ones;
}
