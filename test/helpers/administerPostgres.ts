import pg from 'pg'

/** Runs one statement (CREATE/DROP DATABASE, CREATE SCHEMA …) on a connection of its own, then closes it. */
export async function administerPostgres(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
