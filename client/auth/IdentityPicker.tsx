import { type FormEvent, useId, useState } from 'react'
import { type Delegation, delegations } from '../../shared/roles/index.ts'
import { delegationLabels } from '../presence/delegationColors.ts'
import type { Identity } from './Identity.ts'

/** First screen for a visitor: a display name and a delegation, shown to others next to their caret. */
export function IdentityPicker({ onChoose }: { onChoose: (identity: Identity) => void }) {
  const [name, setName] = useState('')
  const [delegation, setDelegation] = useState<Delegation>('AZ')
  const nameId = useId()

  function submit(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed) onChoose({ name: trimmed.slice(0, 60), delegation, role: 'drafter' })
  }

  return (
    <main className="entry">
      <form className="entry-card" onSubmit={submit} aria-labelledby="entry-title">
        <p className="entry-brand">Charter Desk</p>
        <h1 id="entry-title">Join the drafting room</h1>
        <p className="entry-lead">
          Azerbaijan–United States Strategic Working Group. Your name and delegation are shown to the other
          participants next to your cursor.
        </p>
        <label htmlFor={nameId}>Display name</label>
        <input
          id={nameId}
          name="name"
          autoComplete="name"
          maxLength={60}
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Leyla Mammadova"
        />
        <fieldset>
          <legend>Delegation</legend>
          <div className="segmented">
            {delegations.map((option) => (
              <label key={option} className={option === delegation ? 'selected' : ''}>
                <input
                  type="radio"
                  name="delegation"
                  value={option}
                  checked={option === delegation}
                  onChange={() => setDelegation(option)}
                />
                {delegationLabels[option]}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Open the draft
        </button>
      </form>
    </main>
  )
}
