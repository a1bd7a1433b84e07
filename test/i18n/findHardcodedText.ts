import ts from 'typescript'

/** A piece of text in a component that a reader would see, written in the code instead of the resources. */
export interface HardcodedText {
  file: string
  line: number
  text: string
}

/** Attributes whose string values are never shown to a reader. */
const technicalAttributes = new Set([
  'className',
  'type',
  'name',
  'id',
  'htmlFor',
  'autoComplete',
  'pattern',
  'value',
  'defaultValue',
  'href',
  'src',
  'role',
  'key',
  'lang',
  'sandbox',
  'method',
  'rel',
  'target',
  'dateTime',
  'viewBox',
  'd',
  'fill',
  'stroke',
  'strokeWidth',
  'strokeLinecap',
  'strokeLinejoin',
  'width',
  'height',
  'focusable',
  'aria-hidden',
  'aria-haspopup',
  'aria-autocomplete',
  'aria-controls',
  'aria-live',
  'aria-keyshortcuts',
  'aria-busy',
  'textAnchor',
  'aria-labelledby',
  'inputMode',
  'scope',
])

/** Attributes (of elements and of our components) whose values are read as text. */
const textAttributes = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'submitLabel',
  'lead',
  'aside',
])

/** Not words: marks and codes that read the same in both languages. */
const allowed = new Set(['·', '—', '+', '←', '…'])

const letter = /\p{L}/u

function isUserText(text: string): boolean {
  const trimmed = text.trim()
  return trimmed !== '' && !allowed.has(trimmed) && letter.test(trimmed)
}

/** A string literal whose value ends up in JSX: directly, or through `a ? 'x' : 'y'`, `a && 'x'`, `a || 'x'`. */
function flowsIntoJsx(node: ts.Node): boolean {
  let current = node.parent
  while (current) {
    if (ts.isJsxExpression(current)) {
      return !ts.isJsxAttribute(current.parent) || textAttributes.has(current.parent.name.getText())
    }
    if (
      ts.isConditionalExpression(current) ||
      ts.isParenthesizedExpression(current) ||
      (ts.isBinaryExpression(current) &&
        [
          ts.SyntaxKind.AmpersandAmpersandToken,
          ts.SyntaxKind.BarBarToken,
          ts.SyntaxKind.QuestionQuestionToken,
        ].includes(current.operatorToken.kind))
    ) {
      if (ts.isConditionalExpression(current) && current.condition === node) return false
      node = current
      current = current.parent
      continue
    }
    return false
  }
  return false
}

function isTextAttribute(attribute: ts.JsxAttribute): boolean {
  const name = attribute.name.getText()
  return !technicalAttributes.has(name) && !name.startsWith('data-') && !name.startsWith('on')
}

/** Every hard-coded, user-visible text in one TSX source: JSX text, and text attributes or expressions. */
export function findHardcodedText(source: string, file: string): HardcodedText[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: HardcodedText[] = []
  const report = (node: ts.Node, text: string) =>
    found.push({
      file,
      line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: text.trim(),
    })

  function visit(node: ts.Node): void {
    if (ts.isJsxText(node) && isUserText(node.text)) report(node, node.text)
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (isTextAttribute(node) && isUserText(node.initializer.text)) report(node, node.initializer.text)
    }
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      !ts.isJsxAttribute(node.parent)
    ) {
      if (isUserText(node.text) && flowsIntoJsx(node)) report(node, node.text)
    }
    if (ts.isTemplateExpression(node) && flowsIntoJsx(node)) {
      const literalText = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
      if (isUserText(literalText)) report(node, literalText)
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}
