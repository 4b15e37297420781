// Public API of the inspections area; the root index re-exports it.
