import pino from 'pino'
import type { LogLevel } from '../config.ts'

type Fields = Record<string, unknown>

/**
 * The server's logger: pino, one JSON object per line on stdout (`time` ISO 8601, `level` as a word, `msg`),
 * behind the small call shape the code uses (`info(msg, fields)`). JSON encoding means names that come from
 * clients (document names, display names) cannot forge log lines; errors under `error` or `err` are serialised
 * with their stack. Pass `instance` in the bindings to name the process in a scale-out.
 */
export class Logger {
  /** Made on first use for a child (see `child`); the root's is made at once. */
  private made: pino.Logger | null
  private readonly parent: pino.Logger | null

  constructor(
    level: LogLevel,
    private readonly bindings: Fields = {},
    write?: (line: string) => void,
    parent?: pino.Logger,
  ) {
    this.parent = parent ?? null
    this.made = parent
      ? null
      : pino(
          {
            level,
            base: bindings,
            timestamp: pino.stdTimeFunctions.isoTime,
            formatters: { level: (label) => ({ level: label }) },
            serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
          },
          write ? { write } : pino.destination({ dest: 1, sync: true }),
        )
  }

  /**
   * A child's pino logger is made when it first writes a line: every WebSocket gets a child logger, most never
   * write at the configured level, and making pino children (serialising their bindings) was ~2 % of the CPU
   * of opening 500 documents.
   */
  child(bindings: Fields): Logger {
    if (this.made === null && this.parent !== null)
      return new Logger('silent', { ...this.bindings, ...bindings }, undefined, this.parent)
    return new Logger('silent', bindings, undefined, this.pino)
  }

  private get pino(): pino.Logger {
    this.made ??= (this.parent as pino.Logger).child(this.bindings)
    return this.made
  }

  private enabled(level: pino.Level): boolean {
    return (this.made ?? (this.parent as pino.Logger)).isLevelEnabled(level)
  }

  debug(msg: string, fields?: Fields): void {
    if (this.enabled('debug')) this.pino.debug(fields ?? {}, msg)
  }

  info(msg: string, fields?: Fields): void {
    if (this.enabled('info')) this.pino.info(fields ?? {}, msg)
  }

  warn(msg: string, fields?: Fields): void {
    if (this.enabled('warn')) this.pino.warn(fields ?? {}, msg)
  }

  error(msg: string, fields?: Fields): void {
    if (this.enabled('error')) this.pino.error(fields ?? {}, msg)
  }
}
