/**
 * A tiny schema DSL: plain data nodes that `check` validates against and `toJsonSchema`
 * turns into JSON Schema, so the config has one source of truth. Kept small because it
 * ships in the script tag.
 */

/** Checks a string gets beyond length and pattern (see `formatIssue`). */
export type Format = 'href' | 'url' | 'match' | 'tz' | 'date' | 'color'
export type Literal = string | number | boolean

export interface StrNode {
  type: 'str'
  min?: number
  /** Defaults to 2,000 so no marketer text can be unbounded. */
  max: number
  pattern?: RegExp
  format?: Format
}
export interface NumNode {
  type: 'num'
  min?: number
  max?: number
  /** Exclusive minimum. */
  gt?: number
  int?: boolean
}
export interface BoolNode {
  type: 'bool'
}
export interface LitNode {
  type: 'lit'
  values: readonly Literal[]
}
export interface ArrNode {
  type: 'arr'
  item: SchemaNode
  min?: number
  /** Defaults to 100. */
  max: number
  /** Items are objects whose property of this name must be unique among the valid items. */
  unique?: string
  /** Invalid items are reported and left as holes (`undefined`) instead of failing the array. */
  lenient?: boolean
}
export interface ObjNode {
  type: 'obj'
  props: Record<string, SchemaNode>
  required: readonly string[]
  /** Invalid optional properties and unknown keys are reported and dropped, not fatal. */
  lenient?: boolean
}
export interface RecordNode {
  type: 'record'
  value: SchemaNode
  key?: RegExp
  /** Most keys; defaults to 50. */
  max: number
}
export interface UnionNode {
  type: 'union'
  of: readonly SchemaNode[]
}
export interface TaggedNode {
  type: 'tagged'
  tag: string
  of: Record<string, ObjNode>
}

export type SchemaNode =
  | StrNode
  | NumNode
  | BoolNode
  | LitNode
  | ArrNode
  | ObjNode
  | RecordNode
  | UnionNode
  | TaggedNode

/** A string of at most 2,000 characters unless `max` says otherwise. */
export const str = (o: Partial<Omit<StrNode, 'type'>> = {}): StrNode => ({ type: 'str', max: 2000, ...o })

/** A finite number (never NaN or Infinity). */
export const num = (o: Omit<NumNode, 'type'> = {}): NumNode => ({ type: 'num', ...o })

export const bool = (): BoolNode => ({ type: 'bool' })

/** One of the given literal values. */
export const oneOf = (values: readonly Literal[]): LitNode => ({ type: 'lit', values })

export const arr = (item: SchemaNode, o: Partial<Omit<ArrNode, 'type' | 'item'>> = {}): ArrNode => ({
  type: 'arr',
  item,
  max: 100,
  ...o,
})

/** A closed object: keys not in `props` are errors. */
export const obj = <P extends Record<string, SchemaNode>>(
  props: P,
  o: { required?: readonly (keyof P & string)[]; lenient?: boolean } = {},
): ObjNode => ({ type: 'obj', props, required: [], ...o })

/** An object with free keys (matching `key`), all holding `value`: per-locale text. */
export const record = (
  value: SchemaNode,
  o: Partial<Omit<RecordNode, 'type' | 'value'>> = {},
): RecordNode => ({
  type: 'record',
  value,
  max: 50,
  ...o,
})

export const union = (of: readonly SchemaNode[]): UnionNode => ({ type: 'union', of })

/** Objects told apart by the string property `tag`; each branch gets `tag` as a required literal. */
export const tagged = (tag: string, branches: Record<string, ObjNode>): TaggedNode => {
  const of: Record<string, ObjNode> = {}
  for (const k in branches) {
    const b = branches[k]!
    of[k] = { ...b, props: { [tag]: oneOf([k]), ...b.props }, required: [tag, ...b.required] }
  }
  return { type: 'tagged', tag, of }
}
