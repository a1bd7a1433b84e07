import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate, documentField } from '../../shared/schema/index.ts'

/** Encodes the charter template as a Yjs update, validated against the shared schema on the way. */
export function createCharterState(): Uint8Array {
  const schema = getSchema(charterExtensions)
  const template = createCharterTemplate()
  schema.nodeFromJSON(template).check()
  const ydoc = prosemirrorJSONToYDoc(schema, template, documentField)
  const update = Y.encodeStateAsUpdate(ydoc)
  ydoc.destroy()
  return update
}
