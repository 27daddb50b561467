// Loaded with --import into a process the bench times: on exit it writes the process's peak resident memory
// (KiB, as the kernel counts it) to the file CPW_BENCH_PEAK names, so the bench needs no /usr/bin/time.
import { writeFileSync } from 'node:fs';

const file = process.env.CPW_BENCH_PEAK;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
