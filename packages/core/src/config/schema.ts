/**
 * A tiny schema DSL: plain data nodes that `check` validates against and `toJsonSchema`
 * turns into JSON Schema, so the config has one source of truth. Kept small because it
 * ships in the script tag.
 */

/** Checks a string gets beyond length and pattern (see `formatIssue`). */
export type Format = 'href' | 'url' | 'match' | 'tz' | 'date' | 'color'
export type Literal = string | number | boolean

/** `default`: the value Linger uses when the field is absent (schema.json and the README say it). */
export interface StrNode {
  type: 'str'
  default?: string
  min?: number
  /** Defaults to 2,000 so no marketer text can be unbounded. */
  max: number
  pattern?: RegExp
  format?: Format
}
export interface NumNode {
  type: 'num'
  default?: number
  min?: number
  max?: number
  /** Exclusive minimum. */
  gt?: number
  int?: boolean
}
export interface BoolNode {
  type: 'bool'
  default?: boolean
}
export interface LitNode<V extends Literal = Literal> {
  type: 'lit'
  values: readonly V[]
  default?: V
}
export interface ArrNode<I extends SchemaNode = SchemaNode> {
  type: 'arr'
  item: I
  min?: number
  /** Defaults to 100. */
  max: number
  /** Items are objects whose property of this name must be unique among the valid items. */
  unique?: string
  /** Invalid items are reported and left as holes (`undefined`) instead of failing the array. */
  lenient?: boolean
}
export interface ObjNode<
  P extends Record<string, SchemaNode> = Record<string, SchemaNode>,
  R extends string = string,
> {
  type: 'obj'
  props: P
  required: readonly R[]
  /** Invalid optional properties and unknown keys are reported and dropped, not fatal. */
  lenient?: boolean
}
export interface RecordNode<V extends SchemaNode = SchemaNode> {
  type: 'record'
  value: V
  key?: RegExp
  /** Most keys; defaults to 50. */
  max: number
}
export interface UnionNode<O extends readonly SchemaNode[] = readonly SchemaNode[]> {
  type: 'union'
  of: O
  default?: Literal
}
export interface TaggedNode<
  K extends string = string,
  B extends Record<string, ObjNode> = Record<string, ObjNode>,
> {
  type: 'tagged'
  tag: K
  of: B
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

// The constructors keep literal types (`oneOf(['a', 'b'])` is `LitNode<'a' | 'b'>`) so
// `Infer` can turn the config definition into its TypeScript types (config/types.ts).

/** A string of at most 2,000 characters unless `max` says otherwise. */
export const str = (o: Partial<Omit<StrNode, 'type'>> = {}): StrNode => ({
  type: 'str',
  max: 2000,
  ...o,
})

/** A finite number (never NaN or Infinity). */
export const num = (o: Omit<NumNode, 'type'> = {}): NumNode => ({
  type: 'num',
  ...o,
})

export const bool = (o: Omit<BoolNode, 'type'> = {}): BoolNode => ({ type: 'bool', ...o })

/** One of the given literal values. */
export const oneOf = <const V extends Literal>(
  values: readonly V[],
  o: { default?: NoInfer<V> } = {},
): LitNode<V> => ({
  type: 'lit',
  values,
  ...o,
})

export const arr = <I extends SchemaNode>(
  item: I,
  o: Partial<Omit<ArrNode, 'type' | 'item'>> = {},
): ArrNode<I> => ({ type: 'arr', item, max: 100, ...o })

/** A closed object: keys not in `props` are errors. */
export const obj = <const P extends Record<string, SchemaNode>, const R extends keyof P & string = never>(
  props: P,
  o: { required?: readonly R[]; lenient?: boolean } = {},
  // NoInfer: inside `tagged(…)` the expected `ObjNode` would otherwise make every key required.
): ObjNode<P, NoInfer<R>> => ({ type: 'obj', props, required: [], ...o })

/** An object with free keys (matching `key`), all holding `value`: per-locale text. */
export const record = <V extends SchemaNode>(
  value: V,
  o: Partial<Omit<RecordNode, 'type' | 'value'>> = {},
): RecordNode<V> => ({ type: 'record', value, max: 50, ...o })

export const union = <const O extends readonly SchemaNode[]>(
  of: O,
  o: { default?: Literal } = {},
): UnionNode<O> => ({
  type: 'union',
  of,
  ...o,
})

/** Objects told apart by the string property `tag`; each branch gets `tag` as a required literal. */
export const tagged = <K extends string, B extends Record<string, ObjNode>>(
  tag: K,
  branches: B,
): TaggedNode<K, B> => {
  const of: Record<string, ObjNode> = {}
  for (const k in branches) {
    const b = branches[k]!
    of[k] = { ...b, props: { [tag]: oneOf([k]), ...b.props }, required: [tag, ...b.required] }
  }
  return { type: 'tagged', tag, of: of as B }
}

type Expand<T> = T extends infer O ? { [K in keyof O]: O[K] } : never

// One entry per node type, looked up by `type`: flatter for the compiler than a chain of
// conditionals, which hits TypeScript's instantiation depth on the campaign union.
interface Inferred<N> {
  str: string
  num: number
  bool: boolean
  lit: N extends LitNode<infer V> ? V : never
  arr: N extends ArrNode<infer I> ? Infer<I>[] : never
  record: N extends RecordNode<infer V> ? Record<string, Infer<V>> : never
  union: N extends UnionNode<infer O> ? Infer<O[number]> : never
  tagged: N extends TaggedNode<infer K, infer B>
    ? { [T in keyof B & string]: { [k in K]: T } & Infer<B[T]> }[keyof B & string]
    : never
  // `required` is read, not inferred: inferring from `never[]` would give `string`.
  obj: N extends ObjNode<infer P>
    ? Expand<
        { [k in N['required'][number] & keyof P]: Infer<P[k]> } & {
          [k in Exclude<keyof P, N['required'][number]>]?: Infer<P[k]>
        }
      >
    : never
}

/** The TypeScript type of the values a node accepts. */
export type Infer<N> = N extends SchemaNode ? Inferred<N>[N['type']] : never
