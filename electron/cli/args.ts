import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Client } from '../../shared/ipc/client';
import type { Backend } from '../backend/dispatch';
import { parseNumber } from '../../shared/text/numbers';

/** A mistake in how cpw was called: exit code 2, with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A piece of a long output, written as it comes with no newline added; without it, the pieces are joined and go to out. */
  write?(piece: string): void;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  summary: string;
  usage: string;
  options: Options;
  /** How many positionals it takes: [at least, at most]. */
  positionals: [number, number];
  run(args: Parsed, client: Client, io: Io, backend: Backend): Promise<number>;
}

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  /** The options in the order given, for commands where order matters (scenario). */
  order: { name: string; value: string | undefined }[];
}

export function parse(command: Command, argv: string[]): Parsed {
  let result;
  try {
    result = parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const [min, max] = command.positionals;
  if (result.positionals.length < min) throw new UsageError('missing arguments');
  if (result.positionals.length > max) throw new UsageError(`unexpected argument "${result.positionals[max]}"`);
  const order = result.tokens.flatMap((t) => (t.kind === 'option' ? [{ name: t.name, value: t.value }] : []));
  return { values: result.values, positionals: result.positionals, order };
}

export const str = (p: Parsed, name: string): string | undefined => p.values[name] as string | undefined;
export const strs = (p: Parsed, name: string): string[] => (p.values[name] as string[] | undefined) ?? [];
export const flag = (p: Parsed, name: string): boolean => p.values[name] === true;

export function required(p: Parsed, name: string): string {
  const v = str(p, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

/** A number option as people type it ("1,200", "$300"); a percentage only where `percentAllowed`. */
export function numberOption(p: Parsed, name: string, percentAllowed = false): number | undefined {
  const raw = str(p, name);
  if (raw === undefined) return undefined;
  const n = parseNumber(raw);
  if (!n.ok || n.value === null) throw new UsageError(`--${name} must be a number (got "${raw}")`);
  if (n.percent && !percentAllowed) throw new UsageError(`--${name} must be a number, not a percentage (got "${raw}")`);
  return n.value;
}

/** `field=value` pairs (`--map revenue=Sales`, `dailyRate=1200`), split at the first `=`. */
export function pair(text: string, what: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`${what} must be written NAME=VALUE (got "${text}")`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}
