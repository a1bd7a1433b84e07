/** One-time sign-in links (for accounts without a password, or a forgotten one). Only hashes are stored. */
export interface SignInLinkStore {
  /** Returns the link's secret once. */
  createSignInLink(userId: number, expiresAt: Date): Promise<string>
  /**
   * Single use, also under concurrent calls: exactly one call gets the account id; every other call, and any
   * call after expiry, gets null.
   */
  consumeSignInLink(token: string, now: Date): Promise<number | null>
}
