export type MigrationErrorReason = 'checksum-changed' | 'unknown-version'

/** The database's recorded migrations do not match this release's; starting would risk the data. */
export class MigrationError extends Error {
  constructor(
    readonly reason: MigrationErrorReason,
    message: string,
  ) {
    super(message)
    this.name = 'MigrationError'
  }
}
