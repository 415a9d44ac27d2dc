import pg from 'pg';

/** Test schemas are per run (so runs never collide) and dropped afterwards (so runs leave nothing). */
const created = new Set<string>();

export function testSchema(prefix: string): string {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  created.add(name);
  return name;
}

export async function dropTestSchemas(url: string | undefined): Promise<void> {
  if (!url || created.size === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of created) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    created.clear();
  } finally {
    await client.end();
  }
}
