/**
 * A string attribute (an id, or a proposer) mirrored to a `data-*` attribute, so it survives copy and paste
 * inside the editor and can be styled. Missing or duplicate ids are fixed by the editor before anything is sent.
 */
export function dataAttribute(name: string, dataName: string) {
  return {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(dataName),
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[name]
      return typeof value === 'string' ? { [dataName]: value } : {}
    },
  }
}
