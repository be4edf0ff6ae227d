// Indexes into the built-in UI strings of `uiString` (plain constants, so esbuild inlines them).
export const close = 0
export const copy = 1
export const copied = 2
export const send = 3
export const thanks = 4
export const email = 5
export const badEmail = 6
export const tick = 7
export const comment = 8
export const low = 9
export const high = 10
export const subscribed = 11
export const blocked = 12
export const failed = 13
export const submit = 14
export const of = 15
