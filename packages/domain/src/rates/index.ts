// Public API of the rates area; the root index re-exports it.
