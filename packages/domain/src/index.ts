export * from './shared/errors.ts';
export * from './shared/plain-date.ts';
export * from './shared/money.ts';
export * from './policies/parse-doc-no.ts';
