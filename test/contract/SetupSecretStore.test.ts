import { describeSetupSecretStoreContract } from './SetupSecretStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeSetupSecretStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.setupSecret, accounts: stores.accounts, destroy }
  })
}
