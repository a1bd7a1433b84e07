import type { Resources } from '../Resources.ts'
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

/** Azerbaijani (Latin script); the terms follow `shared/i18n/GLOSSARY.md`. */
export const az: Resources = {
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
}
