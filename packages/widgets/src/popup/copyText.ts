/**
 * Copies `text` with the async Clipboard API; where that is missing or refused, selects
 * `node`'s text (so the visitor can press Ctrl+C) and tries `execCommand('copy')`.
 * Resolves whether the text reached the clipboard.
 */
export async function copyText(text: string, node?: Element | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {}
  if (!node) return false
  const doc = node.ownerDocument
  doc.getSelection()?.selectAllChildren(node)
  try {
    return doc.execCommand('copy')
  } catch {
    return false
  }
}
