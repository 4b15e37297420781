// Public API of the policies area; the root index re-exports it.
export * from './parse-doc-no.ts';
