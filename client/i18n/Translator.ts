import type { i18n as I18next, TFunction } from 'i18next'
import type { Language } from '../../shared/i18n/index.ts'
import type { Namespace } from '../../shared/i18n/Namespace.ts'
import type { Resources } from '../../shared/i18n/resources/Resources.ts'

/** What a translation call may carry: a namespace, a count for plural forms, and values to interpolate. */
type TranslateOptions = { ns?: string; count?: number } & Record<string, unknown>

type Listener = (language: Language) => void

const interpolation = /\{\{\s*([^}\s]+)\s*\}\}/g

/**
 * The part of i18next the client uses, on the resources the server renders exports with (`createI18n`): nested
 * keys (`a.b`), `ns:key` or `{ ns }`, `{{value}}` interpolation without escaping (React escapes), and `_one` /
 * `_other` plural forms chosen by `Intl.PluralRules`. i18next itself is ~16 KB of the editor's initial script
 * with react-i18next; `Translator.test.ts` checks every key of both languages against it.
 */
export class Translator {
  language: Language
  /** Counts language changes, strings arriving included: what React compares to know when to render again. */
  revision = 0
  private readonly bundles = new Map<Language, Partial<Resources>>()
  private readonly listeners = new Set<Listener>()
  private readonly pluralRules = new Map<Language, Intl.PluralRules>()

  /** `t` of the `common` namespace, typed as i18next's so shared code (the formatter) takes either. */
  readonly t = ((key: string, options?: TranslateOptions) =>
    this.translate('common', key, options)) as unknown as I18next['t']

  constructor(language: Language) {
    this.language = language
  }

  /** A translation function for one namespace, in the language of the moment. */
  fixedT<Ns extends Namespace>(namespace: Ns): TFunction<Ns> {
    const translate = (key: string, options?: TranslateOptions) => this.translate(namespace, key, options)
    return translate as unknown as TFunction<Ns>
  }

  exists(key: string): boolean {
    const [namespace, path] = splitNamespace('common', key)
    return typeof this.lookup(namespace, path) === 'string'
  }

  hasResourceBundle(language: Language, namespace: Namespace): boolean {
    return this.bundles.get(language)?.[namespace] !== undefined
  }

  getResourceBundle<Ns extends Namespace>(language: Language, namespace: Ns): Resources[Ns] | undefined {
    return this.bundles.get(language)?.[namespace]
  }

  addResources(language: Language, resources: Resources): void {
    this.bundles.set(language, resources)
  }

  /** Shows `language` from now on (again, once its strings have been added). */
  changeLanguage(language: Language): void {
    this.language = language
    this.revision++
    for (const listener of this.listeners) listener(language)
  }

  /** Calls `listener` after every language change; returns the unsubscribe. */
  onLanguageChanged(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private translate(defaultNamespace: Namespace, key: string, options: TranslateOptions = {}): string {
    const [namespace, path] = splitNamespace(options.ns ?? defaultNamespace, key)
    let text: string | undefined
    if (typeof options.count === 'number') {
      text = this.lookup(namespace, `${path}_${this.plural(options.count)}`)
    }
    text ??= this.lookup(namespace, path)
    if (text === undefined) return path
    return text.replace(interpolation, (placeholder, name: string) => {
      const value = name.split('.').reduce<unknown>((found, part) => readField(found, part), options)
      // A value not given stays as its placeholder, as in i18next.
      return value === undefined ? placeholder : String(value)
    })
  }

  private lookup(namespace: string, path: string): string | undefined {
    const bundle = this.bundles.get(this.language)
    const found = path
      .split('.')
      .reduce<unknown>((node, part) => readField(node, part), bundle?.[namespace as Namespace])
    return typeof found === 'string' ? found : undefined
  }

  private plural(count: number): Intl.LDMLPluralRule {
    let rules = this.pluralRules.get(this.language)
    if (!rules) {
      rules = new Intl.PluralRules(this.language)
      this.pluralRules.set(this.language, rules)
    }
    return rules.select(count)
  }
}

function splitNamespace(namespace: string, key: string): [string, string] {
  const separator = key.indexOf(':')
  return separator < 0 ? [namespace, key] : [key.slice(0, separator), key.slice(separator + 1)]
}

function readField(node: unknown, field: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[field] : undefined
}
