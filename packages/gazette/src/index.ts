// Public API of @gazette/gazette.
export * from './seed-types.ts';
