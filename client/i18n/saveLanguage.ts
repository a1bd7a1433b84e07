import type { Language } from '../../shared/i18n/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { loadRequestSchemas } from '../api/loadRequestSchemas.ts'

/** Keeps the choice with the account, so it follows the person to any browser. */
export async function saveLanguage(language: Language): Promise<unknown> {
  const { authRequests } = await loadRequestSchemas()
  return apiFetch('/api/account/language', {
    method: 'PUT',
    body: jsonBody(authRequests.setLanguage, { language }),
  })
}
