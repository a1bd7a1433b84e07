import { useSyncExternalStore } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { AppUpdates } from './AppUpdates.ts'

/**
 * "A new version is available — Reload / Later", in a corner, never in the way of the text. The live region is
 * always in the document so screen readers announce the offer when it appears; focus stays where the person types.
 */
export function UpdatePrompt({ updates }: { updates: AppUpdates }) {
  const { t } = useTranslation()
  const state = useSyncExternalStore(
    (listener) => updates.subscribe(listener),
    () => updates.state,
    () => updates.state,
  )
  const shown = state === 'offered' || state === 'reloading'
  return (
    <div className="update-prompt-region" role="status">
      {shown && (
        <div className="update-prompt">
          <p>
            <strong>{t('update.available')}</strong> {t('update.keepsEdits')}
          </p>
          <div className="update-prompt-actions">
            <button
              type="button"
              className="primary"
              disabled={state === 'reloading'}
              onClick={() => updates.accept()}
            >
              {t('update.reload')}
            </button>
            <button type="button" className="quiet" onClick={() => updates.dismiss()}>
              {t('update.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
