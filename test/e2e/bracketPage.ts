import type { EditorPage } from './editorPage.ts'

/** One bracket as the page shows it: its alternatives' text and proposer, in order. */
export interface RenderedBracket {
  id: string | null
  alternatives: { proposedBy: string | null; text: string; locked: boolean }[]
  /** The standard notation as a reader sees it, glyphs included: `[AZ text / US text]`. */
  notation: string
  selected: boolean
}

/** The inline brackets inside an element, read from the DOM (glyphs from the generated CSS content). */
export function bracketsIn(target: EditorPage, selector = '.charter-text'): Promise<RenderedBracket[]> {
  return target.page.evaluate((selector) => {
    const root = document.querySelector(selector)
    if (!root) throw new Error(`no element matches ${selector}`)
    const generated = (element: Element, pseudo: '::before' | '::after'): string => {
      const content = getComputedStyle(element, pseudo).content
      if (content === 'none' || content === 'normal') return ''
      return content.replace(/^"|"$/g, '')
    }
    // Other people's caret labels are rendered inside the text; they are not part of it.
    const text = (element: Element): string => {
      const copy = element.cloneNode(true) as Element
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
      return copy.textContent ?? ''
    }
    return [...root.querySelectorAll('.charter-bracket')].map((bracket) => {
      const alternatives = [...bracket.querySelectorAll(':scope > .charter-alternative')].map(
        (alternative) => ({
          proposedBy: alternative.getAttribute('data-proposed-by'),
          text: text(alternative),
          locked: alternative.getAttribute('contenteditable') === 'false',
        }),
      )
      const inner = [...bracket.querySelectorAll(':scope > .charter-alternative')]
        .map((alternative) => `${generated(alternative, '::before')}${text(alternative)}`)
        .join('')
      return {
        id: bracket.getAttribute('data-bracket-id'),
        alternatives,
        notation: `${generated(bracket, '::before')}${inner}${generated(bracket, '::after')}`,
        selected: bracket.classList.contains('ProseMirror-selectednode'),
      }
    })
  }, selector)
}

/** Selects the first occurrence of `words` in a block through the DOM selection (which ProseMirror adopts). */
export async function selectText(target: EditorPage, selector: string, words: string): Promise<void> {
  await target.editor.focus()
  await target.page.evaluate(
    ({ selector, words }) => {
      const block = document.querySelector(selector)
      if (!block) throw new Error(`no element matches ${selector}`)
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('.collaboration-carets__caret')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      })
      const texts: Text[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text)
      const whole = texts.map((text) => text.data).join('')
      const start = whole.indexOf(words)
      if (start < 0) throw new Error(`"${words}" is not in ${selector}: "${whole}"`)
      const locate = (offset: number, preferEnd: boolean): [Text, number] => {
        let seen = 0
        for (const text of texts) {
          const after = seen + text.data.length
          if (offset < after || (preferEnd && offset === after)) return [text, offset - seen]
          seen = after
        }
        const last = texts.at(-1)!
        return [last, last.data.length]
      }
      const range = document.createRange()
      range.setStart(...locate(start, false))
      range.setEnd(...locate(start + words.length, true))
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    { selector, words },
  )
  await nextFrame(target)
}

/** Puts the caret in the paragraph right before (or after) the n-th bracket inside `selector`. */
export async function caretBesideBracket(
  target: EditorPage,
  selector: string,
  side: 'before' | 'after',
  index = 0,
): Promise<void> {
  await target.editor.focus()
  await target.page.evaluate(
    ({ selector, side, index }) => {
      const bracket = document.querySelectorAll(`${selector} .charter-bracket`)[index]
      if (!bracket?.parentNode) throw new Error(`no bracket ${index} in ${selector}`)
      const offset = [...bracket.parentNode.childNodes].indexOf(bracket as ChildNode)
      document.getSelection()?.collapse(bracket.parentNode, side === 'before' ? offset : offset + 1)
    },
    { selector, side, index },
  )
  await nextFrame(target)
}

/** Lets ProseMirror read a DOM selection change (it listens to `selectionchange`) before the next key. */
export function nextFrame(target: EditorPage): Promise<void> {
  return target.page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  )
}
