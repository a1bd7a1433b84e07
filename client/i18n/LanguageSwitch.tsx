import { isLanguage, type Language, languageEndonyms, languages } from '../../shared/i18n/Language.ts'
import { useTranslation } from './useTranslation.ts'

/**
 * The two interface languages, each named in itself ("Azərbaycanca", "English") so anyone can find their own.
 * Switching changes only the interface, never the document.
 */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation()
  const current = isLanguage(i18n.language) ? i18n.language : 'en'
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language')}</legend>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={`language-option${language === current ? ' is-active' : ''}`}
          aria-pressed={language === current}
          data-language={language}
          onClick={() => onChange(language)}
        >
          {languageEndonyms[language]}
        </button>
      ))}
    </fieldset>
  )
}
