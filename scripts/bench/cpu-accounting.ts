import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds spent by each part of the benchmark's stack, read from /proc
 * (Linux only; elsewhere every figure is 0). Taken before and after a phase,
 * the difference says where the machine's time went: a throughput ratio on
 * two shared cores means little without it.
 */
export type Component = 'api' | 'worker' | 'temporal' | 'postgres' | 'load generator';
export type CpuSeconds = Record<Component, number>;

const TICKS_PER_SECOND = 100;

function zero(): CpuSeconds {
  return { api: 0, worker: 0, temporal: 0, postgres: 0, 'load generator': 0 };
}

/** utime + stime (+ reaped children's, for Postgres backends that came and went) of one process, in seconds. */
function cpuOf(pid: number, withChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    const reaped = withChildren ? Number(fields[13]) + Number(fields[14]) : 0;
    return (own + reaped) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export function cpuSnapshot(pids: { api?: number; worker?: number }): CpuSeconds {
  const out = zero();
  let procs: string[] = [];
  try {
    procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const entry of procs) {
    const pid = Number(entry);
    if (pid === pids.api) {
      out.api += cpuOf(pid, false);
    } else if (pid === pids.worker) {
      out.worker += cpuOf(pid, false);
    } else if (pid === process.pid) {
      out['load generator'] += cpuOf(pid, false);
    } else {
      const comm = read(`/proc/${pid}/comm`).trim();
      const cmdline = read(`/proc/${pid}/cmdline`);
      if (comm === 'postgres') {
        // The postmaster's reaped children are backends that already exited; live ones are counted as they are.
        out.postgres += cpuOf(pid, true);
      } else if (cmdline.includes('temporal') && cmdline.includes('start-dev')) {
        out.temporal += cpuOf(pid, false);
      }
    }
  }
  return out;
}

export function cpuSince(before: CpuSeconds, after: CpuSeconds): CpuSeconds {
  const out = zero();
  for (const key of Object.keys(out) as Component[]) {
    out[key] = Math.max(0, after[key] - before[key]);
  }
  return out;
}

/** "api 12.3 s (31%), worker …" */
export function describeCpu(spent: CpuSeconds): string {
  const total = Object.values(spent).reduce((a, b) => a + b, 0) || 1;
  return (Object.entries(spent) as [Component, number][])
    .map(([name, s]) => `${name} ${s.toFixed(1)} s (${Math.round((100 * s) / total)}%)`)
    .join(', ');
}
