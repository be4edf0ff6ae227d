// The group rule is the core's: the survey flow branches by it and targeting reads it back.
export { npsGroup } from '@linger/core/survey'
