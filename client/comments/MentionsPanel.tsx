import { useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { BellIcon } from './BellIcon.tsx'
import { shortAreaLabel } from './format.ts'
import type { Mention } from './useSeenMentions.ts'

interface MentionsPanelProps {
  unseen: readonly Mention[]
  onOpen: (mention: Mention) => void
  onMarkSeen: (commentIds: readonly number[]) => void
}

/** "N new mentions": a toggle, and the list of them; shown only while there are any. */
export function MentionsPanel({ unseen, onOpen, onMarkSeen }: MentionsPanelProps) {
  const { t } = useTranslation('comments')
  const { t: tCommon } = useTranslation()
  const [open, setOpen] = useState(false)
  if (unseen.length === 0) return null
  return (
    <>
      <button
        type="button"
        className="mentions-button"
        aria-expanded={open}
        aria-controls="mentions-list"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <BellIcon />
        {t('mentions.newMentions', { count: unseen.length })}
        <span className="mentions-toggle" aria-hidden="true">
          {open ? t('mentions.hide') : t('mentions.show')}
        </span>
      </button>

      {open && (
        <section id="mentions-list" className="mentions-list" aria-label={t('mentions.listLabel')}>
          <ul>
            {unseen.map((mention) => (
              <li key={mention.comment.id}>
                <button
                  type="button"
                  className="mention-item"
                  onClick={() => {
                    setOpen(false)
                    onOpen(mention)
                  }}
                >
                  <span className="mention-who">
                    {t('mentions.mentionedYou', {
                      name: mention.comment.authorName,
                      area: shortAreaLabel(tCommon, mention.thread.area),
                    })}
                  </span>
                  <span className="mention-text">{mention.comment.text}</span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onMarkSeen(unseen.map((mention) => mention.comment.id))
              setOpen(false)
            }}
          >
            {t('mentions.markAllRead')}
          </button>
        </section>
      )}
    </>
  )
}
