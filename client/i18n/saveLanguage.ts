import { authRequests } from '../../shared/api/index.ts'
import type { Language } from '../../shared/i18n/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'

/** Keeps the choice with the account, so it follows the person to any browser. */
export function saveLanguage(language: Language): Promise<unknown> {
  return apiFetch('/api/account/language', {
    method: 'PUT',
    body: jsonBody(authRequests.setLanguage, { language }),
  })
}
