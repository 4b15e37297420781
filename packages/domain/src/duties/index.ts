// Public API of the duties area; the root index re-exports it.
