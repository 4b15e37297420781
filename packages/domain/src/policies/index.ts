// Public API of the policies area; the root index re-exports it.
export * from './parse-doc-no.ts';
export * from './types.ts';
export * from './parse-validity-clause.ts';
export * from './policy-status.ts';
export * from './normalize-search.ts';
export * from './schemas.ts';
export { parseSmallNumber } from './chinese-number.ts';
export * from './review-task.ts';
