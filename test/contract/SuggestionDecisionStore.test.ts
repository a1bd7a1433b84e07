import { storeBackends } from './storeBackends.ts'
import { describeSuggestionDecisionStoreContract } from './SuggestionDecisionStoreContract.ts'

for (const backend of storeBackends) {
  describeSuggestionDecisionStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.suggestionDecisions, destroy }
  })
}
