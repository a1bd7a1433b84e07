import type { RestoreNotice } from '../../shared/snapshots/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { navigate } from '../routing/useLocation.ts'

/** Tells an open editor that a co-chair restored a version, and leads to the text as it was before. */
export function RestoreBanner({
  notice,
  documentName,
  onDismiss,
}: {
  notice: RestoreNotice
  documentName: string
  onDismiss: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="restore-banner" role="alert">
      <p>
        {t('restoreNotice.text', {
          name: notice.byName,
          snapshot: notice.snapshotName,
          before: notice.beforeRestoreSnapshotName,
        })}
      </p>
      <div className="restore-banner-actions">
        <button
          type="button"
          className="quiet small"
          onClick={() => navigate(`/d/${documentName}/history?version=${notice.beforeRestoreSnapshotId}`)}
        >
          {t('restoreNotice.viewBefore')}
        </button>
        <button type="button" className="quiet small" onClick={onDismiss}>
          {t('restoreNotice.dismiss')}
        </button>
      </div>
    </div>
  )
}
