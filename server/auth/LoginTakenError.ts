/** Another account already has this login (logins are compared without case). */
export class LoginTakenError extends Error {
  constructor(readonly login: string) {
    super(`The login ${login} is taken`)
    this.name = 'LoginTakenError'
  }
}
