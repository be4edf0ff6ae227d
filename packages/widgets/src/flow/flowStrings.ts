import { uiString } from '../text/uiString'

// The flow's own UI strings (indexes below), `|`-separated per language like `uiString`'s; they
// ship in the survey chunk only, so the widgets chunk doesn't carry them.
export const next = 0
export const other = 1
export const hard = 2
export const easy = 3
export const choose = 4
export const feedback = 5

const strings: Record<string, string> = {
  en: 'Next|Other|Very difficult|Very easy|Choose an answer|Feedback',
  de: 'Weiter|Sonstiges|Sehr schwierig|Sehr einfach|Bitte eine Antwort wählen|Feedback',
  fr: 'Suivant|Autre|Très difficile|Très facile|Choisissez une réponse|Votre avis',
  es: 'Siguiente|Otro|Muy difícil|Muy fácil|Elige una respuesta|Opinión',
  ar: 'التالي|أخرى|صعب جدًا|سهل جدًا|اختر إجابة|ملاحظات',
}

/** The flow's UI strings for `locale` (its language, else English), by an index above. */
export const flowString = (locale: string) => uiString(locale, strings)
