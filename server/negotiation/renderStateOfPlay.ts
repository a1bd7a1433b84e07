import type { ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import type { DashboardView } from '../../shared/negotiation/DashboardView.ts'
import { findPriorityArea } from '../../shared/schema/index.ts'
import { pdfFonts } from '../export/pdf/pdfFonts.ts'

const statusLabels: Record<ClauseStatus, string> = {
  open: 'Open',
  reopened: 'Reopened',
  agreedAdRef: 'Agreed ad ref.',
  agreed: 'Agreed',
  initialled: 'Initialled',
}

const ink = '#1f2933'
const muted = '#5f6b7a'
const agreedGreen = '#2f6f4e'

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole)
}

function deadlineLine(view: DashboardView): string {
  if (view.deadline === null || view.daysLeft === null) return 'No deadline set'
  if (view.daysLeft > 0) return `Deadline ${view.deadline}: ${view.daysLeft} days left`
  if (view.daysLeft === 0) return `Deadline ${view.deadline}: today`
  return `Deadline ${view.deadline}: passed ${-view.daysLeft} days ago`
}

/**
 * The one-page "state of play" the co-chairs take away after a meeting: totals and progress toward "all
 * agreed", each area's articles with their status, what changed since the last meeting's snapshot, and the
 * rounds so far. PDFKit is loaded on first use, so the server does not carry it until someone asks.
 */
export async function renderStateOfPlay(view: DashboardView): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit')
  const fonts = pdfFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, bottom: 36, left: 44, right: 44 },
    font: fonts.regularPath,
    info: { Title: `State of play: ${view.title}`, Creator: 'Charter Desk' },
  })
  doc.registerFont('sans', fonts.sans)
  doc.registerFont('sans-bold', fonts.sansBold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right

  doc.font('sans-bold').fontSize(15).fillColor(ink).text('State of play', left, doc.y)
  doc.font('sans').fontSize(9.5).fillColor(muted).text(view.title, { width })
  doc.text(`${view.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${deadlineLine(view)}`)
  doc.moveDown(0.6)

  const { totals } = view
  const agreedShare = percent(totals.agreed, totals.articles)
  doc
    .font('sans-bold')
    .fontSize(10.5)
    .fillColor(ink)
    .text(
      `Agreed: ${totals.agreed} of ${totals.articles} articles (${agreedShare}%) · Open brackets: ${totals.openBrackets} · Open threads: ${totals.openThreads}`,
    )
  const barY = doc.y + 3
  doc.rect(left, barY, width, 8).fillColor('#e4e7eb').fill()
  doc
    .rect(left, barY, (width * agreedShare) / 100, 8)
    .fillColor(agreedGreen)
    .fill()
  doc.y = barY + 14
  const byStatus = (Object.entries(totals.byStatus) as [ClauseStatus, number][])
    .map(([status, count]) => `${statusLabels[status]} ${count}`)
    .join(' · ')
  doc.font('sans').fontSize(8.5).fillColor(muted).text(byStatus, left, doc.y, { width })
  doc.moveDown(0.6)

  for (const area of view.areas) {
    if (area.articles.length === 0 && area.openThreads === 0) continue
    const { title, number } = findPriorityArea(area.area)
    doc
      .font('sans-bold')
      .fontSize(10)
      .fillColor(ink)
      .text(
        `${number ? `${number}. ` : ''}${title} — ${area.agreed}/${area.articles.length} agreed · ${area.openBrackets} open brackets · ${area.openThreads} open threads`,
        left,
        doc.y,
        { width },
      )
    doc.font('sans').fontSize(8.5)
    for (const article of area.articles.slice(0, 8)) {
      const waiting = article.pending
        ? ` (waiting for ${article.pending.delegation === 'AZ' ? 'US' : 'AZ'})`
        : ''
      doc
        .fillColor(article.status === 'open' || article.status === 'reopened' ? ink : agreedGreen)
        .text(
          `Article ${article.number}: ${statusLabels[article.status]}${waiting} · ${article.openBrackets} brackets · ${article.openThreads} threads — ${article.opening}`,
          left + 10,
          doc.y,
          { width: width - 10, lineBreak: false, ellipsis: true },
        )
    }
    if (area.articles.length > 8)
      doc.fillColor(muted).text(`… and ${area.articles.length - 8} more`, left + 10)
    doc.moveDown(0.4)
  }

  const since = view.sinceLastMeeting
  doc.font('sans-bold').fontSize(10).fillColor(ink).text('Since the last meeting', left, doc.y)
  doc.font('sans').fontSize(8.5).fillColor(ink)
  if (!since.snapshot) doc.fillColor(muted).text('No meeting snapshot yet.')
  else {
    doc
      .fillColor(muted)
      .text(`Compared with “${since.snapshot.name}” (${since.snapshot.createdAt.slice(0, 10)})`)
    doc.fillColor(ink)
    if (since.articles.length === 0) doc.text('No change.')
    for (const change of since.articles.slice(0, 10)) {
      const parts = [
        change.added ? 'new article' : null,
        change.wordsInserted || change.wordsDeleted
          ? `+${change.wordsInserted} / −${change.wordsDeleted} words`
          : null,
        ...change.statusChanges.map((move) => `${statusLabels[move.from]} → ${statusLabels[move.to]}`),
        change.bracketsOpened ? `${change.bracketsOpened} brackets opened` : null,
        change.bracketsClosed ? `${change.bracketsClosed} brackets closed` : null,
      ].filter(Boolean)
      doc.text(`Article ${change.number}: ${parts.join(' · ')}`, left + 10, doc.y, { width: width - 10 })
    }
    if (since.articles.length > 10) doc.fillColor(muted).text(`… and ${since.articles.length - 10} more`)
  }
  doc.moveDown(0.4)

  doc.font('sans-bold').fontSize(10).fillColor(ink).text('Rounds', left, doc.y)
  doc.font('sans').fontSize(8.5)
  for (const round of view.rounds.slice(-8)) {
    doc
      .fillColor(ink)
      .text(
        `${round.at.slice(0, 10)}  ${round.name}: ${round.agreedArticles}/${round.articles} agreed, ${round.openBrackets} open brackets`,
        left + 10,
        doc.y,
        { width: width - 10 },
      )
  }

  doc
    .font('sans')
    .fontSize(8)
    .fillColor(muted)
    .text(
      'Nothing is agreed until everything is agreed. Every status above is provisional.',
      left,
      doc.page.height - doc.page.margins.bottom - 12,
      { width, align: 'center', lineBreak: false },
    )
  doc.end()
  return finished
}
