import { stampConfig, validateConfig } from '@linger/core/config'
import type { Campaign, LingerConfig, Variant } from '@linger/core/types'
import { snippet } from '@linger/embed/snippet'
import { computed, signal } from '@preact/signals'
import { render } from 'preact'
import { useRef } from 'preact/hooks'
import { defaultConfig } from './defaultConfig'
import { Frames } from './Frames'
import { locate } from './locate'
import { campaignsFor, type Simulated } from './triggers'

const text = signal(JSON.stringify(defaultConfig, null, 2))
const cartItems = signal(0)
const log = signal<string[]>([])
const copied = signal('')

const parsed = computed(() => {
  try {
    return { value: JSON.parse(text.value) as unknown }
  } catch (error) {
    return { error: (error as Error).message }
  }
})
const validation = computed(() =>
  'value' in parsed.value ? validateConfig(parsed.value.value) : { config: undefined, issues: [] },
)
const config = computed<LingerConfig | undefined>(() => validation.value.config)

const demoCart = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `sku-${i + 1}`,
    name: ['Stoneware mug', 'Organic tee', 'Canvas tote'][i % 3]!,
    price: 18,
    quantity: 1,
  }))

function previewVars(count: number): Record<string, string> {
  const value = count * 18
  return {
    'cart.count': String(count),
    'cart.value': new Intl.NumberFormat(config.value?.locale ?? 'en', {
      style: 'currency',
      currency: 'EUR',
    }).format(value),
    'cart.currency': 'EUR',
  }
}

function withVariant(campaign: Campaign, variantId?: string): Campaign {
  const variant = (campaign.variants as Variant[] | undefined)?.find((v) => v.id === variantId)
  if (!variant) return campaign
  const merged = { ...campaign } as Campaign & { content?: unknown; question?: unknown }
  if (variant.content) merged.content = variant.content
  if (variant.question) merged.question = variant.question
  return merged
}

const frames: HTMLIFrameElement[] = []
function preview(campaign: Campaign, variantId?: string) {
  log.value = [`preview ${campaign.id}${variantId ? ` (variant ${variantId})` : ''}`, ...log.value].slice(
    0,
    30,
  )
  const message = {
    type: 'preview',
    campaign: withVariant(campaign, variantId),
    theme: config.value?.theme,
    locale: config.value?.locale ?? 'en',
    vars: previewVars(cartItems.value),
    cartItems: demoCart(cartItems.value),
  }
  for (const frame of frames) frame.contentWindow?.postMessage(message, location.origin)
}

function simulate(moment: Simulated) {
  const [first] = campaignsFor(moment, config.value?.campaigns ?? [], cartItems.value)
  if (first) preview(first)
  else log.value = [`${moment}: no campaign would show`, ...log.value]
}

addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== location.origin || !frames[0] || event.source !== frames[0].contentWindow) return
  const data = event.data as { type: string; name?: string; props?: unknown; campaignId?: string }
  if (data.type === 'event')
    log.value = [`${data.name}${data.props ? ` ${JSON.stringify(data.props)}` : ''}`, ...log.value].slice(
      0,
      30,
    )
  if (data.type === 'show') {
    const next = config.value?.campaigns.find((c) => c.id === data.campaignId)
    if (next) preview(next)
  }
})

async function copySnippet() {
  const manifest: Record<string, { integrity?: string }> = await fetch('/linger/manifest.json')
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}))
  const html = snippet({
    src: 'https://cdn.example.com/linger.js',
    integrity: manifest['linger.js']?.integrity,
    // Stamped when it has no problem, so the pages skip the validator (README, Config).
    config:
      'value' in parsed.value
        ? (stampConfig(parsed.value.value).config ?? (parsed.value.value as object))
        : undefined,
  })
  await navigator.clipboard.writeText(html).then(
    () => (copied.value = 'Snippet copied.'),
    () => (copied.value = html),
  )
}

function Editor() {
  const area = useRef<HTMLTextAreaElement>(null)
  const jump = (path: string) => {
    const span = locate(text.value, path)
    if (!span || !area.current) return
    area.current.focus()
    area.current.setSelectionRange(span.start, span.end)
  }
  const issues = validation.value.issues
  return (
    <section class="editor" aria-labelledby="editor-title">
      <h2 id="editor-title">Config</h2>
      <textarea
        ref={area}
        aria-label="Config JSON"
        aria-describedby="problems"
        spellcheck={false}
        value={text.value}
        onInput={(e) => (text.value = (e.target as HTMLTextAreaElement).value)}
      />
      <div id="problems" aria-live="polite">
        {'error' in parsed.value ? (
          <p class="problem">JSON syntax: {parsed.value.error}</p>
        ) : issues.length === 0 ? (
          <p class="ok">Valid: {config.value?.campaigns.length ?? 0} campaigns.</p>
        ) : (
          <ul>
            {issues.map((issue) => (
              <li key={issue.path + issue.code} class="problem" data-path={issue.path}>
                <button type="button" onClick={() => jump(issue.path)}>
                  line {locate(text.value, issue.path)?.line ?? '?'}
                </button>{' '}
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

function Controls() {
  const campaigns = config.value?.campaigns ?? []
  return (
    <section class="controls" aria-labelledby="controls-title">
      <h2 id="controls-title">Preview</h2>
      <fieldset>
        <legend>Simulate</legend>
        {(['exit-intent', 'idle', 'scroll', 'time', 'pageview'] as const).map((m) => (
          <button type="button" key={m} onClick={() => simulate(m)}>
            {m}
          </button>
        ))}
        <label>
          <input
            type="checkbox"
            checked={cartItems.value > 0}
            onChange={(e) => (cartItems.value = (e.target as HTMLInputElement).checked ? 3 : 0)}
          />{' '}
          Cart with 3 items
        </label>
      </fieldset>
      <ul class="campaigns">
        {campaigns.map((c) => (
          <li key={c.id}>
            <span>
              <strong>{c.id}</strong> {c.kind} · {c.trigger.type}
            </span>
            <button type="button" onClick={() => preview(c)}>
              Preview {c.id}
            </button>
            {c.variants?.map((v) => (
              <button type="button" key={v.id} onClick={() => preview(c, v.id)}>
                variant {v.id}
              </button>
            ))}
          </li>
        ))}
      </ul>
      <button type="button" onClick={copySnippet}>
        Copy snippet
      </button>
      <output>{copied.value}</output>
      <h3>Events</h3>
      <ol class="log" aria-label="Events from the preview">
        {log.value.map((line, i) => (
          <li key={`${i}-${line}`}>{line}</li>
        ))}
      </ol>
    </section>
  )
}

function App() {
  return (
    <>
      <header>
        <h1>Linger playground</h1>
        <p>Edit the config; errors name the field. Preview campaigns exactly as visitors will see them.</p>
      </header>
      <div class="layout">
        <Editor />
        <Controls />
        <Frames onFrame={(i, el) => (frames[i] = el)} />
      </div>
    </>
  )
}

render(<App />, document.getElementById('app')!)
