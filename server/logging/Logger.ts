import type { LogLevel } from '../config.ts'

type Fields = Record<string, unknown>

const severity: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

/**
 * Structured logger writing one JSON object per line. Values go through JSON.stringify, so names that
 * come from clients (document names, display names) cannot forge log lines.
 */
export class Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly bindings: Fields = {},
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  child(bindings: Fields): Logger {
    return new Logger(this.level, { ...this.bindings, ...bindings }, this.write)
  }

  debug(msg: string, fields?: Fields): void {
    this.log('debug', msg, fields)
  }

  info(msg: string, fields?: Fields): void {
    this.log('info', msg, fields)
  }

  warn(msg: string, fields?: Fields): void {
    this.log('warn', msg, fields)
  }

  error(msg: string, fields?: Fields): void {
    this.log('error', msg, fields)
  }

  private log(level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Fields): void {
    if (severity[level] < severity[this.level]) return
    const entry = { time: new Date().toISOString(), level, msg, ...this.bindings, ...fields }
    this.write(`${JSON.stringify(entry, errorReplacer)}\n`)
  }
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack }
  return value
}
