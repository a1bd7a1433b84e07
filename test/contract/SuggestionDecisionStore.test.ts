import { describeSuggestionDecisionStoreContract } from './SuggestionDecisionStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeSuggestionDecisionStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.suggestionDecisions, destroy }
  })
}
