import { libraryBuild } from '../../scripts/library-build.mjs'

// scripts/build.mjs has just written the script-tag files into dist/; this adds the snippet module.
export default libraryBuild(import.meta.url, { clean: false })
