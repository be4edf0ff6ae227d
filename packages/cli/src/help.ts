/** Usage text of the `linger` command. */
export const help = `linger — tools for Linger configs

Usage:
  linger validate <file>   check a config (use - for stdin); prints "path: problem" lines,
                           exits 1 when there is any problem; --write stamps a config
                           with none, so pages skip the validator (stdin: to stdout)
  linger schema            print the config's JSON Schema
  linger vapid [--json]    generate VAPID keys for web push (JSON, then the collector's env lines)
  linger snippet [...]     print the script-tag snippet
  linger help              show this help

Editors check a config as you type when it starts with
  "$schema": "https://unpkg.com/@linger/core/schema.json"`
