// Public API of the cases area; the root index re-exports it.
