// Public API of the duties area; the root index re-exports it.
export * from './types.ts';
export * from './noise-duties.ts';
export * from './html-cell-to-text.ts';
export * from './sector-departments.ts';
export * from './duty-sectors.ts';
export * from './duties-for-department.ts';
export * from './schemas.ts';
