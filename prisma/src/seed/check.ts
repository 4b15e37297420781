// A small structural checker for the seed JSON files (the prisma package has no zod): each
// check returns the typed value or throws a SeedFileError naming the file and the field path.

/** A seed file that does not have the shape of packages/gazette/src/seed-types.ts. */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field || '(根)'} ${problem}`);
    this.name = 'SeedFileError';
  }
}

/** Where a value sits: the file and the path inside it, e.g. policies[3].signedOn. */
export class At {
  constructor(
    readonly file: string,
    readonly path = '',
  ) {}
  key(name: string | number): At {
    return new At(this.file, typeof name === 'number' ? `${this.path}[${name}]` : this.path ? `${this.path}.${name}` : name);
  }
  fail(problem: string): never {
    throw new SeedFileError(this.file, this.path, problem);
  }
}

export type Check<T> = (value: unknown, at: At) => T;

export const str: Check<string> = (v, at) => (typeof v === 'string' && v.trim() !== '' ? v : at.fail('应为非空字符串'));

export const int: Check<number> = (v, at) => (Number.isInteger(v) ? (v as number) : at.fail('应为整数'));

export const bool: Check<boolean> = (v, at) => (typeof v === 'boolean' ? v : at.fail('应为 true 或 false'));

export const date: Check<string> = (v, at) => {
  const s = typeof v === 'string' ? v : '';
  const [y, m, d] = s.split('-').map(Number);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(Date.UTC(y!, m! - 1, d!)).toISOString().startsWith(s);
  return real ? s : at.fail('应为 YYYY-MM-DD 日期');
};

/** Amounts and rates are decimal strings, never JSON numbers (a float would lose cents). */
export const decimal: Check<string> = (v, at) =>
  typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? v : at.fail('应为十进制数字字符串,如 "918" 或 "0.39"');

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v, at) =>
    v === null ? null : check(v, at);

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v, at) =>
    v === undefined ? undefined : check(v, at);

export const oneOf =
  <const T extends string>(values: readonly T[]): Check<T> =>
  (v, at) =>
    values.includes(v as T) ? (v as T) : at.fail(`应为 ${values.join(' | ')} 之一`);

export const literal =
  <const T extends string>(value: T): Check<T> =>
  (v, at) =>
    v === value ? value : at.fail(`应为 ${value}`);

export const array =
  <T>(check: Check<T>): Check<T[]> =>
  (v, at) =>
    Array.isArray(v) ? v.map((item, i) => check(item, at.key(i))) : at.fail('应为数组');

export const record =
  <K extends string, T>(keys: readonly K[], check: Check<T>): Check<Record<K, T>> =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return at.fail('应为对象');
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!keys.includes(k as K)) at.key(k).fail('不是已知字段');
    return Object.fromEntries(keys.map((k) => [k, check(o[k], at.key(k))])) as Record<K, T>;
  };

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** An object with exactly these fields (an unknown field is a typo, not something to ignore). */
export const object =
  <S extends Shape>(shape: S): Check<Out<S>> =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return at.fail('应为对象');
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!(k in shape)) at.key(k).fail('不是已知字段');
    const out: Record<string, unknown> = {};
    for (const [k, check] of Object.entries(shape)) {
      const value = check(o[k], at.key(k));
      if (value !== undefined) out[k] = value;
    }
    return out as Out<S>;
  };
