import { useId } from 'react'
import { delegations } from '../../shared/roles/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** Name, login and password fields for a new account; the delegation picker only where it is not fixed. */
export function AccountFields({
  chooseDelegation,
  defaultName,
}: {
  chooseDelegation: boolean
  defaultName?: string
}) {
  const { t } = useTranslation('auth')
  const { t: tCommon } = useTranslation()
  const nameId = useId()
  const loginId = useId()
  const passwordId = useId()
  return (
    <>
      <label htmlFor={nameId}>{t('fullName')}</label>
      <input id={nameId} name="name" autoComplete="name" required maxLength={80} defaultValue={defaultName} />
      <label htmlFor={loginId}>{t('login')}</label>
      <input
        id={loginId}
        name="login"
        autoComplete="username"
        required
        minLength={2}
        maxLength={40}
        pattern="[A-Za-z0-9._\-]+"
        title={t('loginRule')}
      />
      <label htmlFor={passwordId}>{t('newPassword')}</label>
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
          <legend>{t('delegation')}</legend>
          <div className="segmented">
            {delegations.map((delegation, index) => (
              <label key={delegation}>
                <input type="radio" name="delegation" value={delegation} defaultChecked={index === 0} />
                {tCommon(`delegation.${delegation}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  )
}
