import { execFileSync } from 'node:child_process';

/** The CLI and e2e tests run the real `cpw` binary and the built window: build both once before any test. */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
