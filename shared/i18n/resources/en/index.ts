import { admin } from './admin.ts'
import { auth } from './auth.ts'
import { cleaning } from './cleaning.ts'
import { comments } from './comments.ts'
import { common } from './common.ts'
import { dashboard } from './dashboard.ts'
import { editor } from './editor.ts'
import { errors } from './errors.ts'
import { exportLabels } from './export.ts'
import { history } from './history.ts'
import { suggestionKeys } from './suggestionKeys.ts'
import { suggestions } from './suggestions.ts'

/** The source of every key: English, typed `as const` so `t()` calls are checked against it. */
export const en = {
  common,
  editor,
  comments,
  history,
  admin,
  auth,
  errors,
  export: exportLabels,
  cleaning,
  dashboard,
  suggestions,
  suggestionKeys,
} as const
