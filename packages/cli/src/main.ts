import { help } from './help'
import { schema } from './schema'
import { snippet } from './snippet'
import { validate } from './validate'
import { vapid } from './vapid'

/** Runs one `linger` command; resolves to the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args
  switch (command) {
    case 'validate':
      return validate(rest)
    case 'schema':
      return schema()
    case 'vapid':
      return vapid(rest)
    case 'snippet':
      return snippet(rest)
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(help)
      return 0
    default:
      console.error(`linger: unknown command "${command}"\n\n${help}`)
      return 2
  }
}
