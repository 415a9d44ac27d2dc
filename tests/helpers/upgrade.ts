import WebSocket from 'ws';

/** The HTTP status a refused sync upgrade answers with (rejects if the socket opens instead). */
export function upgradeStatus(wsUrl: string, boardId: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/${boardId}?key=${encodeURIComponent(key)}`);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => reject(new Error('upgrade should have been refused')));
    ws.on('error', (err) => reject(err));
  });
}
