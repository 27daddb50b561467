/**
 * What the desktop shell (electron/main) may use of the backend: the backend
 * itself, which it calls through the RPC contract like any other caller, and
 * the few file helpers a shell needs of its own (serving its bundle, writing
 * what it printed). Nothing else of the backend is imported by main; lint
 * holds it to this door.
 */
export { createBackend, type Backend, type BackendOptions, type Caller } from './dispatch';
export { SAMPLE_NAME } from './profile';
export { contentTypeOf, resolveAppPath } from './static-files';
export { writeFileAtomic } from './io/export';
