// One `|`-separated line per language keeps the bundle small; a missing entry falls back to en.
const strings: Record<string, string> = {
  en: 'Close|Copy|Copied|Send|Thank you!|Email|Enter a valid email|Please tick the box|Comment|Not likely|Very likely|Subscribed|Blocked|Failed|Sign up|of',
  de: 'Schließen|Kopieren|Kopiert|Senden|Vielen Dank!|E-Mail|Gültige E-Mail eingeben|Bitte das Kästchen ankreuzen|Kommentar|Unwahrscheinlich|Sehr wahrscheinlich|Angemeldet|Blockiert|Fehlgeschlagen|Anmelden|von',
  fr: 'Fermer|Copier|Copié|Envoyer|Merci !|E-mail|E-mail non valide|Veuillez cocher la case|Commentaire|Peu probable|Très probable|Abonné|Bloqué|Échec|S’inscrire|sur',
  es: 'Cerrar|Copiar|Copiado|Enviar|¡Gracias!|Correo|Correo no válido|Marca la casilla|Comentario|Poco probable|Muy probable|Suscrito|Bloqueado|Error|Suscribirse|de',
  ar: 'إغلاق|نسخ|تم النسخ|إرسال|شكرًا لك!|البريد الإلكتروني|أدخل بريدًا إلكترونيًا صالحًا|يرجى تحديد المربع|تعليق|غير محتمل|محتمل جدًا|تم الاشتراك|محظور|فشل|اشتراك|من',
}

/**
 * The built-in UI strings for `locale` (its language, else English) looked up by an index from
 * `keys.ts`; or those of another `table` in the same shape (the survey chunk's own).
 */
export function uiString(locale: string, table = strings): (key: number) => string {
  const en = table.en!.split('|')
  const own = (table[locale.split('-')[0]!.toLowerCase()] ?? '').split('|')
  return (key) => own[key] || en[key]!
}
