// `npm run docs:screenshots`: after the e2e run has taken its screenshots, the ones the user guide shows are
// copied into docs/images/, so the guide's pictures are always the window as the tests last saw it.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { DOC_SCREENSHOTS, DOCS_DIR } from './pages';

const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
const images = join(DOCS_DIR, 'images');
mkdirSync(images, { recursive: true });
const missing = DOC_SCREENSHOTS.filter((name) => !existsSync(join(SCREENSHOTS, `${name}.png`)));
if (missing.length > 0) {
  console.error(`the e2e run did not take: ${missing.join(', ')} (run the e2e tests first: npx vitest run tests/e2e)`);
  process.exit(1);
}
for (const name of DOC_SCREENSHOTS) copyFileSync(join(SCREENSHOTS, `${name}.png`), join(images, `${name}.png`));
console.log(`${DOC_SCREENSHOTS.length} screenshots copied to ${images}`);
