import { useId } from 'react'
import { delegationLabels } from '../../shared/presence/delegationColors.ts'
import { delegations } from '../../shared/roles/index.ts'

/** Name, login and password fields for a new account; the delegation picker only where it is not fixed. */
export function AccountFields({
  chooseDelegation,
  defaultName,
}: {
  chooseDelegation: boolean
  defaultName?: string
}) {
  const nameId = useId()
  const loginId = useId()
  const passwordId = useId()
  return (
    <>
      <label htmlFor={nameId}>Full name</label>
      <input id={nameId} name="name" autoComplete="name" required maxLength={80} defaultValue={defaultName} />
      <label htmlFor={loginId}>Login</label>
      <input
        id={loginId}
        name="login"
        autoComplete="username"
        required
        minLength={2}
        maxLength={40}
        pattern="[A-Za-z0-9._\-]+"
        title="Letters, digits, dots, dashes and underscores"
      />
      <label htmlFor={passwordId}>Password (at least 10 characters)</label>
      <input
        id={passwordId}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
      />
      {chooseDelegation && (
        <fieldset>
          <legend>Delegation</legend>
          <div className="segmented">
            {delegations.map((delegation, index) => (
              <label key={delegation}>
                <input type="radio" name="delegation" value={delegation} defaultChecked={index === 0} />
                {delegationLabels[delegation]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  )
}
