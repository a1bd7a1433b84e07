import type { Editor } from '@tiptap/react'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { useEditorSelector } from '../useEditorSelector.ts'
import { mayProposeJointly } from './BracketWriter.ts'
import { writerOf } from './writerOf.ts'

/** Co-chairs choose whether new alternatives are their delegation's or a joint (bridging) proposal. */
export function ProposerPicker({ editor }: { editor: Editor }) {
  const { t } = useTranslation('editor')
  const joint = useEditorSelector(editor, (current) => current.storage.bracketEditing.joint, Object.is, false)
  const writer = writerOf(editor)
  if (!writer || !mayProposeJointly(writer)) return null
  return (
    <label className="bracket-bar proposer-picker">
      {t('brackets.proposeAs')}
      <select
        value={joint ? 'joint' : 'delegation'}
        onChange={(event) => editor.commands.setJointProposal(event.target.value === 'joint')}
      >
        <option value="delegation">
          {t('brackets.proposeDelegation', { delegation: writer.delegation })}
        </option>
        <option value="joint">{t('brackets.proposeJoint')}</option>
      </select>
    </label>
  )
}
