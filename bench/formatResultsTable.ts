import { type MetricDefinition, metricDefinitions } from './metricDefinitions.ts'
import type { Metrics } from './workerProtocol.ts'

export interface ServerColumn {
  name: string
  /** A reference server, compared against in the ratio column; ours' own variants are not. */
  peer: boolean
  /** Medians over the successful runs (for 'bool' metrics: the worst run). */
  summary: Metrics
  okRuns: number
  totalRuns: number
}

export interface TableSection {
  title: string
  kind: keyof typeof metricDefinitions | undefined
  /** Shown instead of rows, e.g. for a placeholder scenario. */
  note?: string
  columns: ServerColumn[]
}

function formatValue(value: number | undefined, definition: MetricDefinition): string {
  if (value === undefined || !Number.isFinite(value)) return '—'
  if (definition.better === 'bool') return value >= 1 ? 'yes' : 'NO'
  return value.toLocaleString('en-US', {
    minimumFractionDigits: definition.digits,
    maximumFractionDigits: definition.digits,
  })
}

/** ours ÷ the better of the peers; below 1.00× is better for 'lower' metrics, above for 'higher'. */
function ratio(columns: ServerColumn[], key: string, definition: MetricDefinition): string {
  if (definition.better !== 'lower' && definition.better !== 'higher') return ''
  const ours = columns.find((column) => column.name === 'ours')?.summary[key]
  const peers = columns
    .filter((column) => column.peer)
    .map((column) => column.summary[key])
    .filter((value): value is number => value !== undefined && Number.isFinite(value))
  if (ours === undefined || !Number.isFinite(ours) || peers.length === 0) return ''
  const best = definition.better === 'lower' ? Math.min(...peers) : Math.max(...peers)
  return best === 0 ? '' : `${(ours / best).toFixed(2)}×`
}

function render(rows: string[][], markdown: boolean): string {
  if (markdown) {
    const [header, ...body] = rows
    if (!header) return ''
    const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
    return [line(header), line(header.map((_cell, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join(
      '\n',
    )
  }
  const widths = rows[0]?.map((_cell, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? []
  return rows
    .map((row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))),
    )
    .map((cells) => cells.join('  ').trimEnd())
    .join('\n')
}

/** Side-by-side table per scenario: rows are metrics, columns are servers, plus ours/best peer. */
export function formatResultsTable(sections: TableSection[], markdown = false): string {
  const blocks: string[] = []
  for (const section of sections) {
    const heading = markdown ? `#### ${section.title}` : `== ${section.title}`
    if (section.note !== undefined || section.kind === undefined) {
      blocks.push(`${heading}\n\n${section.note ?? ''}`)
      continue
    }
    const hasOurs = section.columns.some((column) => column.name === 'ours')
    const header = [
      'metric',
      ...section.columns.map((column) =>
        column.okRuns === column.totalRuns
          ? column.name
          : `${column.name} (${column.okRuns}/${column.totalRuns} ok)`,
      ),
      ...(hasOurs ? ['ours/best peer'] : []),
    ]
    const rows = Object.entries(metricDefinitions[section.kind]).map(([key, definition]) => [
      definition.label,
      ...section.columns.map((column) => formatValue(column.summary[key], definition)),
      ...(hasOurs ? [ratio(section.columns, key, definition)] : []),
    ])
    blocks.push(`${heading}\n\n${render([header, ...rows], markdown)}`)
  }
  return blocks.join('\n\n')
}
