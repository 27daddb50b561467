/** The app's own origin: the renderer is served from this custom protocol, never from a remote or file: URL. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Hosts whose https pages a link in the window may open in the user's browser (the project's documentation). */
export const EXTERNAL_HOSTS: readonly string[] = ['github.com'];

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * True only for a URL of the app's own origin. Credentials and ports are
 * refused outright: `app://user@workbench` and `app://workbench:80` may parse
 * to the same host, but nothing of ours ever produces them. The raw prefix is
 * checked as well as the parsed parts so that a string which Node's URL
 * parser and Chromium's might read differently (leading spaces, an empty
 * port, odd case: Chromium lower-cases the host of a standard scheme, Node
 * does not for a custom one) is refused rather than argued about.
 */
export function isTrustedAppUrl(value: string): boolean {
  if (typeof value !== 'string') return false;
  if (!(value === APP_ORIGIN || value.startsWith(`${APP_ORIGIN}/`))) return false;
  const url = parse(value);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** True only for an https link to an allow-listed host, on the default port, without credentials. */
export function isAllowedExternalUrl(value: string): boolean {
  if (typeof value !== 'string') return false;
  const url = parse(value);
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    EXTERNAL_HOSTS.includes(url.hostname)
  );
}
