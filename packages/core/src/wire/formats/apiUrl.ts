/**
 * The batch URL for `endpoint`: given only an origin (`https://host` or `https://host/`), the
 * format's `path` is added; a URL with a path is used as it is; no endpoint gives `fallback`.
 */
export const apiUrl = (endpoint: string | undefined, path: string, fallback = '') =>
  !endpoint
    ? fallback && fallback + path
    : /^https?:\/\/[^/]+\/?$/.test(endpoint)
      ? endpoint.replace(/\/$/, '') + path
      : endpoint
