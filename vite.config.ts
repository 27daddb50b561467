import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The window: built into dist/renderer with relative paths, so the same bundle
// loads from the app:// protocol in Electron and from the browser-mode host.
export default defineConfig(({ command }) => {
  // React and its JSX transform pick their build from NODE_ENV, which this Vite leaves unset: a build is always production.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4096, sourcemap: false },
  };
});
