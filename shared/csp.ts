/**
 * The renderer's Content-Security-Policy, the same in the desktop app (every
 * app:// response) and in browser mode (every page the host serves): its own
 * scripts only, no eval of any kind, no remote origins, no plugins, no
 * framing. AG Grid injects style elements, which is why styles alone allow
 * 'unsafe-inline'. renderer/index.html repeats it as a meta tag (without
 * frame-ancestors, which a meta tag cannot carry); a test keeps them equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
