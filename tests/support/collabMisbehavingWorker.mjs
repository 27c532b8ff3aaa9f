// A stand-in for server/collab/validateWorker.mjs that misbehaves on cue, to test the pool's limits:
// an update starting with 1 never finishes, one starting with 2 allocates until the heap limit, one
// starting with 3 kills the thread; anything else is accepted at once.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', ({ id, update }) => {
  if (update[0] === 1) for (;;);
  if (update[0] === 2) {
    const hoard = [];
    for (;;) hoard.push(new Array(1e5).fill(Math.random()));
  }
  if (update[0] === 3) process.exit(3);
  parentPort?.postMessage({ id, ok: true });
});
