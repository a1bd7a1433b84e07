import type { JSONContent } from '@tiptap/core'
import { type AreaId, findPriorityArea } from './priorityAreas.ts'

export const charterTitle =
  'Charter on Strategic Partnership between the Republic of Azerbaijan and the United States of America'

function text(value: string, marks?: JSONContent['marks']): JSONContent {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
}

function paragraph(...content: JSONContent[]): JSONContent {
  return { type: 'paragraph', content }
}

/** Placeholder wording is bracketed and italic so nobody mistakes it for agreed text. */
function placeholder(value: string): JSONContent {
  return paragraph(text(`[Placeholder: ${value}]`, [{ type: 'italic' }]))
}

/** Each article is born with its clause id; the template is seeded once, by the server. */
function article(value: string): JSONContent {
  return { type: 'article', attrs: { clauseId: crypto.randomUUID() }, content: [placeholder(value)] }
}

function section(area: AreaId, heading: string, body: JSONContent[]): JSONContent {
  return {
    type: 'charterSection',
    attrs: { area },
    content: [{ type: 'heading', attrs: { level: 2 }, content: [text(heading)] }, ...body],
  }
}

function prioritySection(area: AreaId): JSONContent {
  const { number, title, scope } = findPriorityArea(area)
  return section(area, `Section ${number}. ${title}`, [
    paragraph(text(`Scope: ${scope.charAt(0).toLowerCase()}${scope.slice(1)}.`, [{ type: 'italic' }])),
    article(`provisions on ${title.toLowerCase()} to be proposed by the Parties.`),
  ])
}

function signatureBlock(party: 'AZ' | 'US', forLine: string): JSONContent {
  return {
    type: 'signatureBlock',
    attrs: { party },
    content: [paragraph(text(forLine, [{ type: 'bold' }])), placeholder('name and title of the signatory.')],
  }
}

/**
 * The first version of the charter draft. The server creates it once; clients never seed content, because
 * two clients seeding an empty document at the same time would duplicate it.
 */
export function createCharterTemplate(): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text(charterTitle)] },
      section('preamble', 'Preamble', [
        paragraph(
          text('The Republic of Azerbaijan and the United States of America, hereinafter referred to as '),
          text('“the Parties”'),
          text(','),
        ),
        placeholder('preambular paragraphs to be proposed by the Parties.'),
        paragraph(text('Have agreed as follows:')),
      ]),
      prioritySection('connectivity'),
      prioritySection('investment'),
      prioritySection('security'),
      section('other', 'Other areas of cooperation', [
        article('provisions on other important spheres of cooperation to be proposed by the Parties.'),
      ]),
      section('final', 'Final provisions', [
        article('provisions on entry into force, amendment and termination to be agreed.'),
        placeholder(
          'Done at [place], on [date], in two originals, each in the Azerbaijani and English languages, all texts being equally authentic.',
        ),
        signatureBlock('AZ', 'For the Republic of Azerbaijan'),
        signatureBlock('US', 'For the United States of America'),
      ]),
    ],
  }
}
