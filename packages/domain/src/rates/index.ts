// Public API of the rates area; the root index re-exports it.
// General model: tables of a policy, typed dimensions, versions with effective ranges.
export * from './model.ts';
export * from './versions.ts';
export * from './diff-versions.ts';
export * from './rows.ts';
export * from './entry-input.ts';
export * from './rate-csv.ts';
export * from './rate-csv-batches.ts';
export * from './schemas.ts';
// 泸市医保规〔2024〕4号: medical service prices (the tables themselves are in the database).
export * from './hospital-grades.ts';
export * from './medical-table.ts';
export * from './medical-service-price.ts';
export * from './quote-medical-services.ts';
// 泸市自然资规函〔2024〕425号: land transfer fee standards.
export * from './land-uses.ts';
export * from './land-table.ts';
export * from './quote-land-transfer-fee.ts';
// 泸市府规〔2024〕4号: child rehabilitation assistance.
export * from './rehab-services.ts';
export * from './rehab-table.ts';
export * from './check-rehab-assistance.ts';
