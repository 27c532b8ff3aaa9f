// Worker thread for bench/coedit.ts: runs a share of the editors, so the load generator is not one
// event loop that every remote apply of every editor has to queue on. Plain JS: workers do not go
// through tsx. Times are absolute (timeOrigin + now) so they compare across threads.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const { serverUrls, room, tokens, firstIndex, editors, rate, seconds } = workerData;
const now = () => performance.timeOrigin + performance.now();
process.setMaxListeners(0);
const latencies = [];
const docs = [];
const providers = [];
for (let k = 0; k < tokens.length; k++) {
  const doc = new Y.Doc();
  doc.getText('bench').observe((event) => {
    if (event.transaction.local) return;
    const t = now();
    for (const op of event.delta) {
      if (typeof op.insert !== 'string') continue;
      for (const m of op.insert.matchAll(/<(\d+\.\d+)>/g)) latencies.push(t - Number(m[1]));
    }
  });
  const token = tokens[k];
  providers.push(
    new WebsocketProvider(serverUrls[(firstIndex + k) % serverUrls.length], room, doc, {
      WebSocketPolyfill: WebSocket,
      params: token ? { token } : {},
      disableBc: true,
    }),
  );
  docs.push(doc);
}
await Promise.all(providers.map((p) => new Promise((r) => (p.synced ? r() : p.once('sync', () => r())))));
parentPort.postMessage({ type: 'ready' });
await new Promise((r) => parentPort.once('message', r));
await new Promise((r) => setTimeout(r, 300));
latencies.length = 0;
const ticks = [];
const starts = docs.map((doc, k) => {
  const i = firstIndex + k;
  const text = doc.getText('bench');
  let n = 0;
  // Stagger the editors so edits arrive spread out, as people type.
  return setTimeout(
    () => {
      ticks.push(
        setInterval(() => {
          text.insert(
            Math.min(text.length, (n * 7 + i) % (text.length + 1)),
            `e${i}.${n++}<${now().toFixed(3)}>`,
          );
        }, 1000 / rate),
      );
    },
    (i / editors) * (1000 / rate),
  );
});
await new Promise((r) => setTimeout(r, seconds * 1000));
for (const t of starts) clearTimeout(t);
for (const t of ticks) clearInterval(t);
await new Promise((r) => setTimeout(r, 2000));
parentPort.postMessage({ type: 'done', latencies, texts: docs.map((d) => d.getText('bench').toString()) });
for (const p of providers) p.destroy();
