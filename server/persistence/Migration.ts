/** One numbered schema change of one backend, read from `migrations/<backend>/NNNN_name.sql`. */
export interface Migration {
  version: number
  name: string
  sql: string
  /** SHA-256 (hex) of the file; a released migration must never change. */
  checksum: string
}
