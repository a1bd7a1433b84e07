import { useEffect, useState } from 'react'
import type { PersonView } from '../../shared/api/index.ts'
import { apiFetch } from '../api/apiFetch.ts'

/** The people with access to the document (for @mentions), loaded once; null until they arrive or if they cannot. */
export function usePeople(documentName: string): readonly PersonView[] | null {
  const [people, setPeople] = useState<readonly PersonView[] | null>(null)
  useEffect(() => {
    let current = true
    apiFetch<PersonView[]>(`/api/documents/${documentName}/people`).then(
      (loaded) => current && setPeople(loaded),
      // Without the list, comments still work: there is just no autocomplete and no warning.
      () => current && setPeople(null),
    )
    return () => {
      current = false
    }
  }, [documentName])
  return people
}
