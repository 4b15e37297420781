// Display formats: 2025年1月6日 in Chinese, money with two decimals and thousands separators.
import { dec, roundMoney } from '@gazette/domain';

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `2025-01-06` → `2025年1月6日` (zh) or `Jan 6, 2025` (en). Timestamps use their Shanghai date. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : shanghaiDate(value);
  const [y, m, d] = plain.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${EN_MONTHS[m - 1]} ${d}, ${y}` : `${y}年${m}月${d}日`;
}

/** A timestamp as date and time on the Shanghai clock. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${formatDate(shanghaiDate(value), locale)} ${time}`;
}

function shanghaiDate(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** `"1154.005"` → `"1,154.01"`; decimal strings only, never through a float. */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const fixed = roundMoney(dec(value)).toFixed(2);
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${frac}`;
}

/** A fraction as a percentage: `"0.39"` → `"39%"`. */
export function formatPercent(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `${dec(value).times(100).toDecimalPlaces(2).toString()}%`;
}
