import { describeInvitationStoreContract } from './InvitationStoreContract.ts'
import { storeBackends } from './storeBackends.ts'

for (const backend of storeBackends) {
  describeInvitationStoreContract(backend.name, async () => {
    const { stores, destroy } = await backend.open()
    return { store: stores.invitations, accounts: stores.accounts, destroy }
  })
}
