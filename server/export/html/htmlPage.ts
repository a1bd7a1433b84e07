import { escapeHtml } from '../blocks/escapeHtml.ts'
import type { ExportLabels } from '../blocks/exportLabels.ts'

const baseCss = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem; color: #111; background: #fff;
  font: 12pt/1.5 'Source Serif 4', 'DejaVu Serif', 'Times New Roman', serif; }
.running-header { font: 600 9pt/1.3 system-ui, sans-serif; letter-spacing: .04em; text-transform: uppercase;
  color: #8a1c1c; border-bottom: 1px solid #ccc; padding-bottom: .4rem; margin-bottom: 1.5rem; }
h1 { font-size: 18pt; line-height: 1.25; text-align: center; margin: 0 0 1.5rem; }
h2 { font-size: 14pt; margin: 2rem 0 .75rem; }
h3 { font-size: 12.5pt; margin: 1.25rem 0 .5rem; }
h4, h5 { font-size: 12pt; margin: 1rem 0 .5rem; }
h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 .6rem; }
a { color: #1a4b8c; }
.li { display: flex; gap: .5em; margin: 0 0 .35rem; }
.li .marker { flex: 0 0 1.6em; text-align: right; }
.d0 { margin-left: 0 } .d1 { margin-left: 1.6em } .d2 { margin-left: 3.2em } .d3 { margin-left: 4.8em }
.d4 { margin-left: 6.4em } .d5 { margin-left: 8em } .d6 { margin-left: 9.6em } .d7 { margin-left: 11.2em }
.q1 { margin-left: 1.5em } .q2 { margin-left: 3em } .q3 { margin-left: 4.5em } .q4 { margin-left: 6em }
.q1, .q2, .q3, .q4 { border-left: 2px solid #bbb; padding-left: .75em; }
.signature { display: inline-block; vertical-align: top; width: calc(50% - 1rem); margin: 1.5rem 1rem 0 0;
  padding-top: 2.5rem; border-top: 1px solid #999; break-inside: avoid; page-break-inside: avoid; }
.signature + .signature { margin-right: 0; }
.appendix { margin-top: 3rem; border-top: 2px solid #333; font-size: 10.5pt; }
.thread { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
.thread blockquote { margin: .25rem 0 .5rem 1rem; color: #444; font-style: italic; }
.comment { margin: .25rem 0 .25rem 1rem; }
.comment .byline { font-weight: 600; }
.deleted { color: #777; font-style: italic; }
.notes { font: 10pt/1.45 system-ui, sans-serif; border: 1px solid #ccc; padding: .5rem .75rem;
  margin: 0 0 1.5rem; }
.notes p { margin: .2rem 0; }
.notes .notes-title { font-weight: 600; }
.br { font-weight: 700; }
sup.by { font: 700 .68em/1 system-ui, sans-serif; margin-left: .1em; }
.p-AZ { color: #00798c; } .p-US { color: #b22234; } .p-joint { color: #6a3d9a; }
.opt { font-weight: 700; }
.xref-broken { color: #a61c1c; font-weight: 600; text-decoration: underline wavy #a61c1c; }
.collapsed { color: #555; font-weight: 700; }
.clause-status { font: 600 8.5pt/1 system-ui, sans-serif; color: #2e6b30; border: 1px solid currentColor;
  border-radius: 3px; padding: .15em .4em; margin-left: .6em; vertical-align: middle; white-space: nowrap; }
.clause-status.s-reopened { color: #8a5a00; }
.running-footer { margin-top: 3rem; border-top: 1px solid #ccc; padding-top: .5rem;
  font: 8.5pt/1.4 system-ui, sans-serif; color: #555; overflow-wrap: anywhere; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  a[href]::after { content: ' <' attr(href) '>'; font-size: 8.5pt; color: #555; overflow-wrap: anywhere; }
  .running-header { color: #000; }
  .p-AZ, .p-US, .p-joint, .xref-broken, .clause-status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

/**
 * Wraps rendered body HTML in a standalone page. The page carries no script and a Content-Security-Policy
 * that forbids any, so even a renderer bug cannot turn an export into something that runs code.
 */
export function htmlPage(labels: ExportLabels, body: string, extraCss = ''): string {
  return [
    '<!DOCTYPE html>',
    // The language of the text, not of the labels: an Azerbaijani export of an English draft is still English.
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(`${labels.title} — ${labels.header}`)}</title>`,
    `<style>${baseCss}${extraCss}</style>`,
    '</head>',
    '<body>',
    `<header class="running-header">${escapeHtml(labels.header)}</header>`,
    body,
    '<footer class="running-footer">',
    `<div>${escapeHtml(labels.snapshotLine)}</div>`,
    `<div>SHA-256: <code>${escapeHtml(labels.contentHash)}</code></div>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
