/** One choice of a segmented switch: its value, its visible label and the class tests and styles find it by. */
export interface SegmentedOption<Value extends string> {
  value: Value
  label: string
  className: string
}

/** Mutually exclusive choices as a group of toggle buttons (the view bar's Markup/Clean, the editing modes). */
export function SegmentedSwitch<Value extends string>({
  label,
  className,
  options,
  value,
  onChange,
}: {
  label: string
  className?: string
  options: readonly SegmentedOption<Value>[]
  value: Value
  onChange: (value: Value) => void
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className={className ? `view-switch ${className}` : 'view-switch'} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className={option.className}
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  )
}
