import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memGiB: number;
  node: string;
  platform: string;
  loadavgStart: number[];
  loadavgEnd?: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadavgStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** Resident set size of any process (Linux /proc), in MiB. */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User+system CPU time a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** Measures a process's CPU share over an interval (1.0 = one full core). */
export class CpuMeter {
  private t0 = performance.now();
  private c0: number;
  constructor(private readonly pid: number) {
    this.c0 = cpuMs(pid);
  }
  read(): number {
    return (cpuMs(this.pid) - this.c0) / (performance.now() - this.t0);
  }
}

/** The driver's own load: CPU share and event-loop lag, to show it is not the bottleneck. */
export class DriverLoad {
  private h: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  private cpu = new CpuMeter(process.pid);
  constructor() {
    this.h.enable();
  }
  stop(): { cpu: number; lagP99Ms: number; lagMaxMs: number } {
    this.h.disable();
    return {
      cpu: this.cpu.read(),
      lagP99Ms: this.h.percentile(99) / 1e6,
      lagMaxMs: this.h.max / 1e6,
    };
  }
}
