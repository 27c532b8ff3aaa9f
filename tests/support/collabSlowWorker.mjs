// The real validation worker (server/collab/validateWorker.mjs), made slow on cue: an update that
// contains the bytes "SLOW" takes 400 ms more to judge, as on a machine too busy to run the worker.
// For tests of what an honest editor sees when validation times out on the server's side.
import { parentPort } from 'node:worker_threads';

const MARK = Buffer.from('SLOW');

// The real worker's message listener is wrapped as it registers (no listener of our own: messages
// that arrive while it loads must wait for it, and a port starts delivering once one is attached).
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, (message) => {
    if (
      event === 'message' &&
      message?.type !== 'track' &&
      message?.update &&
      Buffer.from(message.update).includes(MARK)
    ) {
      const until = Date.now() + 400;
      while (Date.now() < until);
    }
    listener(message);
  });

await import('../../server/collab/validateWorker.mjs');
