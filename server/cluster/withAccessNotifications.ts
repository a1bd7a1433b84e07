import type { Stores } from '../persistence/Stores.ts'

/** Store methods after which open sockets anywhere may have lost their session or changed role. */
const accessChanges = {
  sessions: ['revokeSession', 'revokeSessionsOf'],
  accounts: ['updateAccount'],
  catalog: ['setAccess', 'setSuggestionPolicy'],
} as const

function notifyAfter<T extends object>(target: T, methods: readonly string[], notify: () => void): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string' || !methods.includes(property)) {
        return typeof value === 'function' ? value.bind(object) : value
      }
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(object, args)
        notify()
        return result
      }
    },
  })
}

/**
 * The stores, with every revocation, account change (role, disabling) and access-rule change announced after it
 * is stored, so the sockets of every instance are re-checked at once rather than at their next periodic re-check.
 */
export function withAccessNotifications(stores: Stores, notify: () => void): Stores {
  return {
    ...stores,
    sessions: notifyAfter(stores.sessions, accessChanges.sessions, notify),
    accounts: notifyAfter(stores.accounts, accessChanges.accounts, notify),
    catalog: notifyAfter(stores.catalog, accessChanges.catalog, notify),
  }
}
