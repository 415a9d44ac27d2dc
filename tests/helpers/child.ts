import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ChildServer {
  proc: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const entry = path.join(__dirname, 'server-main.ts');

/** Starts the real server in its own process so a test can SIGKILL it. */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  port = 0,
): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    proc.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${out}`)));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const p = Number(m[1]);
      resolve({
        proc,
        port: p,
        url: `http://127.0.0.1:${p}`,
        wsUrl: `ws://127.0.0.1:${p}/sync`,
        kill: (signal = 'SIGKILL') =>
          new Promise<void>((res) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return res();
            proc.once('exit', () => res());
            proc.kill(signal);
          }),
      });
    });
  });
}
