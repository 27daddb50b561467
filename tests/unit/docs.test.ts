/**
 * The user guide in docs/ against the code: the generated pages are current,
 * every link leads somewhere, every screenshot is one an end-to-end test
 * makes, and every metric, command and shortcut is documented.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../shared/glossary';
import { SHORTCUTS } from '../../renderer/src/features/help/shortcuts';
import { CLI_COMMANDS, DOCS_DIR, DOC_SCREENSHOTS, anchorOf, cliPage, metricsPage } from '../docs/pages';

const ROOT = resolve(DOCS_DIR, '..');
const E2E_DIR = join(ROOT, 'tests', 'e2e');

const read = (file: string) => readFileSync(file, 'utf8');
const docPages = () =>
  readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort();

/** Files under a folder, recursively, skipping the screenshots themselves. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'screenshots' ? [] : sourcesUnder(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** The Markdown links and images of a page, outside code blocks and code spans. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** The anchors a page's headings give. */
const anchorsOf = (markdown: string) =>
  new Set(
    markdown
      .replace(/^```[\s\S]*?^```/gm, '')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => anchorOf(l.replace(/^#+ /, '').replace(/`/g, ''))),
  );

/** Every broken relative link of the docs, as "page: link (why)". */
function brokenLinks(): string[] {
  const problems: string[] = [];
  for (const page of docPages()) {
    const text = read(join(DOCS_DIR, page));
    for (const link of linksOf(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: ...
      const [target = '', anchor] = link.split('#', 2);
      const image = /^images\/([^/]+)\.png$/.exec(target);
      if (image) {
        if (!DOC_SCREENSHOTS.includes(image[1]!)) problems.push(`${page}: ${link} (not in DOC_SCREENSHOTS of tests/docs/pages.ts)`);
        else if (!existsSync(join(DOCS_DIR, target))) problems.push(`${page}: ${link} (not made yet: run npm run docs:screenshots)`);
        continue;
      }
      const file = target === '' ? join(DOCS_DIR, page) : resolve(DOCS_DIR, target);
      if (!existsSync(file)) {
        problems.push(`${page}: ${link} (no such file: ${relative(ROOT, file)})`);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(read(file)).has(anchor)) {
        problems.push(`${page}: ${link} (no heading "#${anchor}" in ${relative(ROOT, file)})`);
      }
    }
  }
  return problems;
}

describe('docs/', () => {
  it('holds the generated pages as pages.ts makes them (run npm run docs)', () => {
    expect(read(join(DOCS_DIR, 'metrics.md')), 'docs/metrics.md is stale: run npm run docs').toBe(metricsPage());
    expect(read(join(DOCS_DIR, 'cli.md')), 'docs/cli.md is stale: run npm run docs').toBe(cliPage());
  });

  it('has no relative link to a missing file or heading', () => {
    expect(docPages().length).toBeGreaterThan(2);
    expect(brokenLinks()).toEqual([]);
  });

  it('names only screenshots that an end-to-end test makes', () => {
    const sources = sourcesUnder(E2E_DIR).map(read).join('\n');
    const made = (name: string) => [`'${name}'`, `\`${name}\``, `'${name}.png'`, `\`${name}.png\``].some((s) => sources.includes(s));
    expect(DOC_SCREENSHOTS.filter((name) => !made(name)), 'screenshots no test under tests/e2e makes').toEqual([]);
    expect(new Set(DOC_SCREENSHOTS).size, 'DOC_SCREENSHOTS names one twice').toBe(DOC_SCREENSHOTS.length);
  });

  it('uses each listed screenshot, and each once', () => {
    const used = docPages().flatMap((p) =>
      linksOf(read(join(DOCS_DIR, p)))
        .map((l) => /^images\/([^/#]+)\.png$/.exec(l)?.[1])
        .filter((n): n is string => n !== undefined),
    );
    expect([...used].sort(), 'images shown in docs/*.md against DOC_SCREENSHOTS').toEqual([...DOC_SCREENSHOTS].sort());
  });

  it('explains every metric of the glossary in metrics.md', () => {
    const text = read(join(DOCS_DIR, 'metrics.md'));
    expect(GLOSSARY.filter((g) => !text.includes(`## ${g.title}\n`)).map((g) => g.title)).toEqual([]);
  });

  it('documents every cpw command in cli.md', () => {
    const text = read(join(DOCS_DIR, 'cli.md'));
    expect(CLI_COMMANDS.length).toBeGreaterThan(0);
    expect(CLI_COMMANDS.filter(([name]) => !text.includes(`## cpw ${name}\n`)).map(([name]) => name)).toEqual([]);
  });

  it('lists the same cpw commands as `cpw --help`', async () => {
    const { main } = await import('../../electron/cli/cpw');
    const out: string[] = [];
    await main(['--help'], { out: (t) => out.push(t), err: (t) => out.push(t) });
    const listed = out
      .join('\n')
      .split('\n')
      .map((l) => /^ {2}(\S+) {2,}/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined);
    expect(listed).toEqual(CLI_COMMANDS.map(([name]) => name));
  });

  it('mentions every keyboard shortcut of the window', () => {
    const text = docPages()
      .map((p) => read(join(DOCS_DIR, p)))
      .join('\n');
    const missing = SHORTCUTS.flatMap((a) => a.keys.map((k) => k.keys)).filter((keys) => !text.includes(keys));
    expect(missing, 'shortcuts of renderer/src/features/help/shortcuts.ts not in docs/').toEqual([]);
  });
});
