// Lets plain Node (with tsx) load the backend's .sql migrations as text, as
// esbuild's text loader and the vitest config do: `node --import tsx --import ./tests/sql-hooks.mjs`.
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

export async function load(url, context, next) {
  if (url.endsWith('.sql')) {
    const text = await readFile(new URL(url), 'utf8');
    return { format: 'module', shortCircuit: true, source: `export default ${JSON.stringify(text)};` };
  }
  return next(url, context);
}

// This file is also loaded as the hooks module itself (off the main thread): register only once.
if (isMainThread) register(import.meta.url);
