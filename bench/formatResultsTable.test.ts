import { describe, expect, it } from 'vitest'
import { formatResultsTable } from './formatResultsTable.ts'

const row = (table: string, label: string): string[] => {
  const line = table.split('\n').find((candidate) => candidate.startsWith(`| ${label} |`))
  if (!line) throw new Error(`no row ${label}`)
  return line
    .split('|')
    .map((cell) => cell.trim())
    .slice(2, -1)
}

describe('formatResultsTable', () => {
  const table = formatResultsTable(
    [
      {
        title: 'Fan-out, 2 clients',
        kind: 'fanOut',
        columns: [
          {
            name: 'ours',
            peer: false,
            okRuns: 1,
            totalRuns: 1,
            summary: { latencyP99Ms: 10, crossInstanceP99Ms: Number.NaN },
          },
          {
            name: 'ours-cluster',
            peer: false,
            okRuns: 1,
            totalRuns: 1,
            summary: { latencyP99Ms: 1, crossInstanceP99Ms: 12.34 },
          },
          {
            name: 'y-websocket',
            peer: true,
            okRuns: 1,
            totalRuns: 1,
            summary: { latencyP99Ms: 5, crossInstanceP99Ms: Number.NaN },
          },
        ],
      },
    ],
    true,
  )

  it('shows the cross-instance latency for a cluster and — for single processes', () => {
    expect(row(table, 'edit → peer on other instance p99 (ms)')).toEqual(['—', '12.3', '—', ''])
  })

  it('compares ours with the reference servers only, not with its own scale-out variants', () => {
    expect(row(table, 'edit → all peers p99 (ms)')).toEqual(['10.0', '1.0', '5.0', '2.00×'])
  })
})
