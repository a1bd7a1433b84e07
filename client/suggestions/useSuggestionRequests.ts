import { useCallback, useEffect, useMemo, useState } from 'react'
import type { SuggestionRequest } from '../../shared/suggestions/index.ts'
import { suggestionApi } from './suggestionApi.ts'

/** How often waiting first keys are re-read while the panel is open; a co-chair's key turns rarely. */
const refreshMs = 10_000

export interface SuggestionRequests {
  /** Waiting first keys by suggestion id. */
  bySuggestion: ReadonlyMap<string, SuggestionRequest>
  reload: () => void
}

/**
 * The first keys waiting for a second under the two-key rule, from the server: read when the panel opens, when
 * the open suggestions change (a decision or a withdrawal elsewhere), every few seconds and on window focus.
 */
export function useSuggestionRequests(documentName: string, openIds: string): SuggestionRequests {
  const [requests, setRequests] = useState<SuggestionRequest[]>([])
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((current) => current + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: openIds and generation are reasons to read again
  useEffect(() => {
    let stopped = false
    const load = () =>
      suggestionApi.requests(documentName).then(
        (loaded) => !stopped && setRequests(loaded),
        () => {},
      )
    void load()
    const timer = setInterval(load, refreshMs)
    window.addEventListener('focus', load)
    return () => {
      stopped = true
      clearInterval(timer)
      window.removeEventListener('focus', load)
    }
  }, [documentName, openIds, generation])

  return useMemo(
    () => ({ bySuggestion: new Map(requests.map((request) => [request.suggestionId, request])), reload }),
    [requests, reload],
  )
}
