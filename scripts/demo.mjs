// `npm run demo`: placeholder until the demo shop lands.
console.error('demo: not built yet')
process.exit(1)
