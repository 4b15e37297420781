import DecimalJs from 'decimal.js';
import { badInput } from './errors.ts';

/**
 * The project's Decimal: half-up rounding, enough precision that nothing is lost between steps.
 * Money is rounded to 0.01 yuan only at the end of a computation (contract README, "Decimal").
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalLike = Decimal | string | number;

export function dec(value: DecimalLike): Decimal {
  return new Decimal(value as DecimalJs.Value);
}

/** Parses a decimal string from input; the error names the field. */
export function parseDecimal(value: unknown, field: string): Decimal {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw badInput(field, `${field} 必须是十进制数字`);
  }
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    throw badInput(field, `${field} 不是有效的十进制数字:${text}`);
  }
  return new Decimal(text);
}

/** Half-up to 0.01 yuan. */
export function roundMoney(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Plain decimal notation with exactly two places, e.g. "1154.01". */
export function formatMoney(value: Decimal): string {
  return roundMoney(value).toFixed(2);
}

/** Plain decimal notation without exponent and without trailing zeros, e.g. "0.39". */
export function formatDecimal(value: Decimal): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
