import { useEffect, useId, useRef } from 'react'

interface ConfirmDialogProps {
  title: string
  message: string
  confirmLabel: string
  cancelLabel: string
  /** The confirmation changes or removes something for everyone: its button says so. */
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/**
 * An in-page confirmation instead of the browser's `confirm` (which blocks every tab's page, cannot be translated
 * or styled, and which browsers let people silence). A modal `<dialog>`: the rest of the page is inert, Escape
 * cancels, focus starts on Cancel (the first button, the safe choice) and goes back where it was on close.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const messageId = useId()

  useEffect(() => {
    const previous = document.activeElement
    dialog.current?.showModal()
    return () => {
      if (previous instanceof HTMLElement) previous.focus()
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={messageId}>{message}</p>
      <div className="form-actions">
        <button type="button" className="quiet" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'primary danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
