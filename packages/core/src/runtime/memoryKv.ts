// The runtime swaps stores to memory before consent and after forget(); the store lives with openKv.
export { memoryKv } from '../storage/memoryKv'
