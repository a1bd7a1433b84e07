/**
 * Private-use characters that wrap a superscript (a proposer) inside a block's plain text, so the redline can
 * diff words and still print "AZ" raised after its alternative. sanitizeText removes them from the charter's
 * own text, so they can only come from the exporter.
 */
export const superscriptMarks = { open: '\uE000', close: '\uE001' } as const
