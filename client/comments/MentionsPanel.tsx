import { useState } from 'react'
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
        {unseen.length} new {unseen.length === 1 ? 'mention' : 'mentions'}
        <span className="mentions-toggle" aria-hidden="true">
          {open ? 'Hide' : 'Show'}
        </span>
      </button>

      {open && (
        <section id="mentions-list" className="mentions-list" aria-label="New mentions">
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
                    {mention.comment.authorName} mentioned you · {shortAreaLabel(mention.thread.area)}
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
            Mark all as read
          </button>
        </section>
      )}
    </>
  )
}
