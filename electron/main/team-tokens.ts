import type { SafeStorage } from 'electron';
import { readStateFile, writeStateFile } from '../backend/api';

/** The parts of Electron's safeStorage the store uses; a test hands in its own. */
export type TokenCipher = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

export interface TeamTokens {
  /** Keeps the token for the address, encrypted by the system; false when this computer offers no safe keeping (kept for this run only). */
  keep(address: string, token: string): boolean;
  tokenFor(address: string): string | null;
  forget(address: string): void;
}

/**
 * Sign-in tokens of team workbooks, one per server address, in a file of the
 * person's folder that holds only what the system's keychain (Keychain,
 * DPAPI, the Secret Service) encrypted: never a token in plain text. On Linux
 * without a keyring Electron falls back to a fixed key ("basic_text"), which
 * is no protection, so there a token is held in memory for this run only and
 * asked again next time.
 */
export function teamTokens(file: string, cipher: TokenCipher): TeamTokens {
  const session = new Map<string, string>();
  const safe = () => {
    try {
      return cipher.isEncryptionAvailable() && cipher.getSelectedStorageBackend?.() !== 'basic_text';
    } catch {
      return false;
    }
  };
  const stored = (): Record<string, string> =>
    Object.fromEntries(Object.entries(readStateFile(file)).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return {
    keep(address, token) {
      session.set(address, token);
      if (!safe()) return false;
      try {
        writeStateFile(file, { ...stored(), [address]: cipher.encryptString(token).toString('base64') });
        return true;
      } catch {
        // A profile folder that cannot be written keeps the token for this run, as without a keyring.
        return false;
      }
    },
    tokenFor(address) {
      const known = session.get(address);
      if (known !== undefined) return known;
      const sealed = stored()[address];
      if (sealed === undefined || !safe()) return null;
      try {
        return cipher.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed by another user or machine: asked again.
        return null;
      }
    },
    forget(address) {
      session.delete(address);
      const rest = Object.entries(stored()).filter(([a]) => a !== address);
      try {
        writeStateFile(file, Object.fromEntries(rest));
      } catch {
        // Nothing more to do: the sealed token is useless without this user's keychain.
      }
    },
  };
}
