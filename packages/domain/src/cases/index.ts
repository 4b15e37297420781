// Public API of the cases area (泸市监规发〔2024〕2号 penalty discretion review); the root
// index re-exports it.
export * from './codes.ts';
export * from './apply-case-event.ts';
export * from './is-case-overdue.ts';
export * from './notice-number.ts';
export * from './render-notice.ts';
export * from './approval-forms.ts';
export * from './schemas.ts';
