// Public API of the inspections area; the root index re-exports it.
export * from './types.ts';
export * from './quarter.ts';
export * from './compliance-summary.ts';
export * from './organization-compliance.ts';
export * from './repeat-findings.ts';
export * from './rectification-progress.ts';
export * from './schemas.ts';
