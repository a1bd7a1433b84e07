/** Which list the command palette opens on: every command, or straight into one command's picker. */
export type PaletteMode = 'commands' | 'area' | 'reference'

/**
 * Requests to open the command palette, from the editor's Mod-K and from toolbar buttons, to the one palette
 * mounted beside the editor. An event target rather than React state, so the editor extension needs no React.
 */
export const paletteRequests = {
  target: new EventTarget(),
  open(mode: PaletteMode = 'commands'): void {
    this.target.dispatchEvent(new CustomEvent<PaletteMode>('open', { detail: mode }))
  },
}
