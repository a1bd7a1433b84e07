import '@fontsource/inter/400.css'
import '@fontsource/inter/500.css'
import '@fontsource/inter/600.css'
import '@fontsource/source-serif-4/400.css'
import '@fontsource/source-serif-4/400-italic.css'
import '@fontsource/source-serif-4/600.css'
import '@fontsource/source-serif-4/700.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { pickLanguage } from '../shared/i18n/pickLanguage.ts'
import { App } from './App.tsx'
import { loadLanguage } from './i18n/loadLanguage.ts'
import { Translator } from './i18n/Translator.ts'
import { TranslatorContext } from './i18n/TranslatorContext.ts'

// Until the server says what the person chose, the browser's own preference decides, as Accept-Language does.
// Its strings load beside the session request; the App shows nothing until they are here.
const language = pickLanguage(navigator.languages.join(','))
const i18n = new Translator(language)
void loadLanguage(i18n, language)
document.documentElement.lang = i18n.language
i18n.onLanguageChanged((changed) => {
  document.documentElement.lang = changed
})

const root = document.getElementById('root')
if (!root) throw new Error('missing #root element')
createRoot(root).render(
  <StrictMode>
    <TranslatorContext value={i18n}>
      <App />
    </TranslatorContext>
  </StrictMode>,
)

// The offline app (service worker, update offer) is not needed for the first paint, and installing it downloads every
// script of the app: on a slow link that competed with the document's first sync (~2 s at 1.6 Mbit/s). It starts
// once the page has loaded and a document has synced with the server, or after a while on pages without one.
const settledMark = 'charter:server-synced'
const settleTimeoutMs = 8000

function whenSettled(): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(settledMark).length > 0) return resolve()
    const timer = setTimeout(finish, settleTimeoutMs)
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(settledMark).length > 0) finish()
    })
    observer.observe({ type: 'mark' })
    function finish() {
      clearTimeout(timer)
      observer.disconnect()
      resolve()
    }
  })
}

/**
 * Its script may fail to download: the link or the server can go away between the first sync and this import.
 * That is not the user's error to see; it is tried again later (sooner once the browser is back online).
 */
async function startOfflineAppWhenReachable(): Promise<void> {
  for (let retryMs = 5000; ; retryMs = Math.min(retryMs * 2, 120_000)) {
    try {
      const module = await import('./offline/startOfflineApp.tsx')
      module.startOfflineApp(i18n)
      return
    } catch {
      await new Promise<void>((resolve) => {
        const retry = () => {
          clearTimeout(timer)
          window.removeEventListener('online', retry)
          resolve()
        }
        const timer = setTimeout(retry, retryMs)
        window.addEventListener('online', retry)
      })
    }
  }
}

if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => void whenSettled().then(startOfflineAppWhenReachable), { once: true })
}
