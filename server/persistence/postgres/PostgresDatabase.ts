import type pg from 'pg'

/** The connection pool every PostgreSQL store shares; the composition root ends it after the stores are done. */
export type PostgresDatabase = pg.Pool
