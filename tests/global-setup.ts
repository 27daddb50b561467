import { execFileSync } from 'node:child_process';
import { startPgServer } from './pg-server';

/**
 * Before any test: build the real `cpw` binary and the window once (the CLI
 * and e2e tests run them), and start the tests' own PostgreSQL server, which
 * the engine-parametrised tests reach through CPW_TEST_PG. Stopped after.
 */
export default async function setup(): Promise<() => void> {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const server = await startPgServer();
  process.env.CPW_TEST_PG = server.url;
  process.env.CPW_TEST_PG_ADMIN = JSON.stringify({ bin: server.bin, dir: server.dir, port: server.port });
  return () => server.stop();
}
