import { describeSignInLinkStoreContract } from './SignInLinkStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeSignInLinkStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.signInLinks, accounts: stores.accounts, destroy }
  })
}
