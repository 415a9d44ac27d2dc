import { browserTargets } from './browser-targets';
import type { Results } from './report';
import { fmt } from './stats';

/** The issue's targets for our server, judged against this run's own figures (never asserted in tests). */
export function judgeTargets(r: Results): Results['targets'] {
  const out: Results['targets'] = [];
  const p99 = (k: 'ours' | 'reference', n: number) =>
    r.propagation[k]?.find((p) => p.clients === n)?.latency.p99;
  for (const [n, maxRatio, abs] of [
    [50, 1.0, 10],
    [200, 1.2, Infinity],
  ] as const) {
    const ours = p99('ours', n);
    const ref = p99('reference', n);
    if (ours === undefined || ref === undefined) continue;
    out.push({
      target: `p99 propagation at ${n} clients ≤ ${maxRatio}× reference${abs < Infinity ? ` and < ${abs} ms` : ''}`,
      measured: `${fmt(ours)} ms vs ${fmt(ref)} ms (${fmt(ours / ref, 2)}×)`,
      pass: ours <= maxRatio * ref && ours < abs,
    });
  }
  const mb = r.manyBoards.ours;
  if (mb) {
    out.push({
      target: `${mb.sockets} sockets over ${mb.boards} boards: p99 < 50 ms`,
      measured: `${fmt(mb.latency.p99)} ms`,
      pass: mb.latency.p99 < 50,
    });
  }
  const cl = r.coldLoad.ours?.cold;
  if (cl) {
    out.push({
      target: `cold load ${r.coldLoad.ours!.stories}/${r.coldLoad.ours!.notes} board: < 100 ms server-side (p99, connect → board received)`,
      measured: `p50 ${fmt(cl.served.p50)} ms, p99 ${fmt(cl.served.p99)} ms`,
      pass: cl.served.p99 < 100,
    });
  }
  const st = r.storm.ours;
  if (st) {
    out.push({
      target: `reconnect storm, ${st.clients} clients: all resynced < 3 s, 0 lost changes`,
      measured: `${fmt(st.allSyncedMs, 0)} ms, ${st.lost} lost`,
      pass: st.allSyncedMs < 3000 && st.lost === 0,
    });
  }
  const board = r.pageWeight.find((p) => p.route === '/b/[boardId]');
  if (board) {
    out.push({
      target: 'board page first-load JS < 250 KB gzip',
      measured: `${fmt(board.gzipKiB, 0)} KiB`,
      pass: board.gzipKiB * 1024 < 250_000,
    });
  }
  out.push(...browserTargets(r.browser?.ours));
  return out;
}
