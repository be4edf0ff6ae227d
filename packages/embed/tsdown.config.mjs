import { libraryBuild } from '../../scripts/library-build.mjs'

// The snippet module (@linger/embed/snippet); scripts/build.mjs then adds the script-tag files.
export default libraryBuild(import.meta.url)
