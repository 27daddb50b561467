// The main process entry, bundled to dist/electron/main.cjs (CommonJS, so __dirname is that folder).
import { startApp } from './shell';

startApp({ bundleDir: __dirname });
