import { execFileSync } from 'node:child_process';

/** The CLI tests run the real `cpw` binary, so build its bundle once before any test. */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'inherit' });
}
