import { libraryBuild } from '../../scripts/library-build.mjs'

// The migrations and the dashboard are read at run time from beside the modules that use them
// (dist/db/migrate.js → dist/db/migrations/, dist/server/serveDashboard.js → dist/dashboard/).
export default libraryBuild(import.meta.url, {
  platform: 'node',
  bin: 'src/bin.ts',
  copy: [
    { from: 'src/db/migrations', to: 'dist/db' },
    { from: 'src/dashboard', to: 'dist' },
  ],
})
