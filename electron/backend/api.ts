/**
 * What the desktop shell (electron/main) may use of the backend: the backend
 * itself, which it calls through the RPC contract like any other caller, and
 * the few file helpers a shell needs of its own (serving its bundle, writing
 * what it printed, keeping its encrypted team tokens), and the form of a team
 * server's address, which main connects to for its window. Nothing else of the backend is imported by main; lint
 * holds it to this door.
 */
export { createBackend, type Backend, type BackendOptions, type Caller } from './dispatch';
export { SAMPLE_NAME } from './profile';
export { contentTypeOf, resolveAppPath } from './static-files';
export { writeFileAtomic } from './io/export';
export { isTeamAddress, parseTeamAddress, teamOfRecentEntry, teamRecentEntry, teamShortName } from './team/address';
export { readStateFile, writeStateFile } from './state-file';
