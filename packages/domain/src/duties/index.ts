// Public API of the duties area; the root index re-exports it.
export * from './types.ts';
export * from './duty-sectors.ts';
