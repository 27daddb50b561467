import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Migrations are plain .sql files; the CLI bundle loads them as text the same way (esbuild's text loader).
      name: 'sql-as-text',
      transform(_code, id) {
        if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`, map: null };
        return undefined;
      },
    },
  ],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
