import type { RoundFigures } from '../../shared/negotiation/DashboardView.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** Agreed articles and open brackets per round, as two lines over the snapshots (oldest on the left). */
export function RoundsChart({ rounds }: { rounds: RoundFigures[] }) {
  const { t } = useTranslation('dashboard')
  const width = 560
  const height = 160
  const pad = { left: 32, right: 12, top: 12, bottom: 28 }
  const top = Math.max(
    1,
    ...rounds.map((round) => Math.max(round.agreedArticles, round.openBrackets, round.articles)),
  )
  const x = (index: number) =>
    pad.left + (rounds.length <= 1 ? 0 : (index * (width - pad.left - pad.right)) / (rounds.length - 1))
  const y = (value: number) => pad.top + (1 - value / top) * (height - pad.top - pad.bottom)
  const line = (pick: (round: RoundFigures) => number) =>
    rounds.map((round, index) => `${index === 0 ? 'M' : 'L'}${x(index)},${y(pick(round))}`).join(' ')
  return (
    <figure className="rounds-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('chartLabel')}>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="chart-axis" />
        <text x={pad.left - 6} y={y(top) + 4} textAnchor="end" className="chart-tick">
          {top}
        </text>
        <text x={pad.left - 6} y={y(0) + 4} textAnchor="end" className="chart-tick">
          0
        </text>
        <path d={line((round) => round.agreedArticles)} className="chart-agreed" />
        <path d={line((round) => round.openBrackets)} className="chart-brackets" />
        {rounds.map((round, index) => (
          <g key={`${round.snapshotId ?? 'now'}`}>
            <circle cx={x(index)} cy={y(round.agreedArticles)} r={3.5} className="chart-agreed-dot">
              <title>{`${round.name}: ${round.agreedArticles}/${round.articles}`}</title>
            </circle>
            <rect
              x={x(index) - 3}
              y={y(round.openBrackets) - 3}
              width={6}
              height={6}
              className="chart-brackets-dot"
            >
              <title>{`${round.name}: ${round.openBrackets}`}</title>
            </rect>
            <text x={x(index)} y={height - 8} textAnchor="middle" className="chart-tick">
              {round.snapshotId === null ? t('roundNow') : round.at.slice(5, 10)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-agreed">● {t('legendAgreed')}</span>
        <span className="legend-brackets">■ {t('legendBrackets')}</span>
      </figcaption>
    </figure>
  )
}
