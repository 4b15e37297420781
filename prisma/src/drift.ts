import type pg from 'pg';

/**
 * A comparable description of a database's public schema from the catalogs: tables and their
 * columns, constraints, indexes and enums. Prisma's own `_prisma_migrations` is left out.
 */
export async function catalogSnapshot(client: pg.Client): Promise<string[]> {
  const queries = [
    `SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable
            || ' default=' || coalesce(column_default, '-') AS line
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    `SELECT 'constraint ' || rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) AS line
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = rel.relnamespace
      WHERE n.nspname = 'public' AND rel.relname <> '_prisma_migrations'`,
    `SELECT 'index ' || indexdef AS line FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public'
      GROUP BY t.typname`,
  ];
  const lines: string[] = [];
  for (const sql of queries) {
    const { rows } = await client.query<{ line: string }>(sql);
    lines.push(...rows.map((r) => r.line));
  }
  return lines.sort();
}
