import { app, shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl, isTrustedAppUrl } from './trusted-url';

export { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/** Hand an allow-listed https link to the user's browser; anything else is dropped. Returns whether it was opened. */
export function openExternalIfAllowed(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  shell.openExternal(url).catch((e: unknown) => console.error(`cannot open ${url}: ${(e as Error).message}`));
  return true;
}

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/**
 * The rules every web contents gets, the window's and any a bug or an
 * injected script might create: no new windows, no navigation or redirect
 * away from the app's origin, no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  // window.open and target=_blank: never a new Electron window; a documentation link goes to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  // A plain link click on an allowed documentation page opens it outside too, instead of replacing the app.
  contents.on('will-navigate', (event: NavigationEvent) => {
    if (isTrustedAppUrl(event.url)) return;
    event.preventDefault();
    openExternalIfAllowed(event.url);
  });
  const stayInApp = (event: NavigationEvent) => {
    if (!isTrustedAppUrl(event.url)) event.preventDefault();
  };
  // will-navigate covers the main frame only; subframes and server redirects have their own events.
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Hooked before the first window exists, so no web contents ever runs without the rules. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/**
 * The two permissions the window needs, and only for its own app:// origin:
 * writing a chart's PNG to the clipboard, and full screen for presentation
 * mode. Everything else, and anything asked from another origin, is refused.
 */
export const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

function granted(permission: string, url: string | undefined): boolean {
  return APP_PERMISSIONS.has(permission) && url !== undefined && isTrustedAppUrl(url);
}

export function limitPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(granted(permission, details?.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => granted(permission, requestingOrigin));
}
