// The main process entry, bundled to dist/electron/main.cjs (CommonJS, so __dirname is that folder).
import { setNativeBinding } from '../backend/db/connection';
import { startApp } from './shell';

startApp({ bundleDir: __dirname, setNativeBinding });
