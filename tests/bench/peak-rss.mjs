// Loaded with --import into a process the bench times: on exit it writes the process's peak resident memory
// (KiB, as the kernel counts it) to the file CPW_BENCH_PEAK names, so the bench needs no /usr/bin/time.
// VmHWM, not getrusage's maxRSS: Linux carries maxRSS over from the parent through fork and exec, so every
// child of a 330 MiB bench reported at least 330 MiB; VmHWM belongs to the process's own memory.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.CPW_BENCH_PEAK;
const highWater = () => {
  const found = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return found ? Number(found[1]) : process.resourceUsage().maxRSS;
};
if (file) process.on('exit', () => writeFileSync(file, String(highWater())));
