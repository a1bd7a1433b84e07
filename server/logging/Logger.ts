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
  private readonly pino: pino.Logger

  constructor(level: LogLevel, bindings: Fields = {}, write?: (line: string) => void, parent?: pino.Logger) {
    this.pino =
      parent?.child(bindings) ??
      pino(
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

  child(bindings: Fields): Logger {
    return new Logger('silent', bindings, undefined, this.pino)
  }

  debug(msg: string, fields?: Fields): void {
    this.pino.debug(fields ?? {}, msg)
  }

  info(msg: string, fields?: Fields): void {
    this.pino.info(fields ?? {}, msg)
  }

  warn(msg: string, fields?: Fields): void {
    this.pino.warn(fields ?? {}, msg)
  }

  error(msg: string, fields?: Fields): void {
    this.pino.error(fields ?? {}, msg)
  }
}
