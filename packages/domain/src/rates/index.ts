// Public API of the rates area; the root index re-exports it.
// General model: tables of a policy, typed dimensions, versions with effective ranges.
export * from './model.ts';
export * from './versions.ts';
export * from './diff-versions.ts';
export * from './rows.ts';
export * from './entry-input.ts';
export * from './rate-csv.ts';
export * from './schemas.ts';
export * from './seed.ts';
// 泸市医保规〔2024〕4号: medical service prices.
export * from './medical-seed.ts';
export * from './medical-table.ts';
export * from './medical-service-price.ts';
export * from './quote-medical-services.ts';
export * from './cryo-storage.ts';
// 泸市自然资规函〔2024〕425号: land transfer fee standards.
export * from './land-seed.ts';
export * from './land-table.ts';
export * from './land-term-coefficient.ts';
export * from './quote-land-transfer-fee.ts';
// 泸市府规〔2024〕4号: child rehabilitation assistance.
export * from './rehab-seed.ts';
export * from './rehab-table.ts';
export * from './check-rehab-assistance.ts';
