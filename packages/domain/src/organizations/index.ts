// Public API of the organizations area; the root index re-exports it.
