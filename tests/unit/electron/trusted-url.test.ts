import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAllowedExternalUrl, isTrustedAppUrl } from '../../../electron/main/trusted-url';

describe('isTrustedAppUrl', () => {
  it.each([APP_INDEX_URL, 'app://workbench/', 'app://workbench', 'app://workbench/index.html#/sheet', 'app://workbench/assets/index-3f2a.js?v=1'])(
    'trusts the app origin: %s',
    (url) => {
      expect(isTrustedAppUrl(url)).toBe(true);
    },
  );

  it.each([
    ['a look-alike host', 'app://workbench.evil/index.html'],
    ['a longer host', 'app://workbenchx/'],
    ['credentials before the host', 'app://user@workbench/'],
    ['credentials with a password', 'app://user:pw@workbench/'],
    ['the app name as credentials of another host', 'app://workbench@evil/'],
    ['a port', 'app://workbench:80/'],
    ['an empty port', 'app://workbench:/index.html'],
    // Chromium lower-cases a standard scheme's host, so a real frame never reports this spelling: refused, not argued about.
    ['an upper-case host', 'app://WORKBENCH/'],
    ['an upper-case scheme', 'APP://workbench/'],
    ['a percent-encoded host', 'app://workbench%2eevil/'],
    ['a backslash after the host', 'app://workbench\\evil/'],
    ['leading whitespace', ' app://workbench/'],
    ['no authority', 'app:workbench/index.html'],
    ['an empty authority', 'app:///workbench/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['a file URL of the bundle', 'file:///work/main/dist/renderer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['the browser-mode host', 'http://127.0.0.1:5173/'],
    ['https', 'https://workbench/'],
    ['about:blank', 'about:blank'],
    ['an empty string', ''],
    ['garbage', '::::'],
  ])('refuses %s: %s', (_what, url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });

  it('refuses a value that is not a string at all', () => {
    expect(isTrustedAppUrl(undefined as unknown as string)).toBe(false);
    expect(isTrustedAppUrl({ toString: () => 'app://workbench/' } as unknown as string)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://github.com/', 'https://github.com/org/repo#readme', 'https://GitHub.com/docs'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://github.com/'],
    ['another host', 'https://example.com/'],
    ['a subdomain trick', 'https://github.com.evil.com/'],
    ['a sibling host', 'https://gist.github.com/'],
    ['credentials naming the host', 'https://github.com@evil.com/'],
    ['credentials', 'https://user:pw@github.com/'],
    ['a port', 'https://github.com:8443/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['the app itself', 'app://workbench/'],
    ['a relative URL', '/github.com'],
    ['garbage', 'not a url'],
  ])('refuses %s: %s', (_what, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
