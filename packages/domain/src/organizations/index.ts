// Public API of the organizations area; the root index re-exports it.
export * from './types.ts';
export * from './resolve-organization.ts';
