import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers';

// electron-builder's own schema check, the one `electron-builder` runs before it builds anything.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };

const config = () => yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused with a misspelt key, so the check above can fail', async () => {
    await expect(validateConfiguration({ ...config(), fileAssociation: [] }, new DebugLogger(false))).rejects.toThrow(/fileAssociation/);
  });

  it('opens .cpw files, keeps better-sqlite3 outside the asar, and sets the fuses DESIGN.md asks for', () => {
    const c = config() as {
      asar: boolean;
      asarUnpack: string[];
      fileAssociations: { ext: string }[];
      electronFuses: Record<string, boolean>;
    };
    expect(c.asar).toBe(true);
    expect(c.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(c.fileAssociations.map((f) => f.ext)).toEqual(['cpw']);
    expect(c.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, onlyLoadAppFromAsar: true });
  });
});
