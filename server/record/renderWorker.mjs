// Renders the record's exports and drafts the chair's summary off the main thread
// (server/record/renderPool.ts starts it). The renderers and the summary's templates are
// TypeScript: tsx loads them here, in this thread only, so the worker runs the same under
// `npm start`, `node --import tsx` and Vitest whatever loader the main thread has (the pool starts
// it with no execArgv).
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const [{ renderExport }, { draftSummary }] = await Promise.all([
  tsImport('./render/index.ts', import.meta.url),
  tsImport('./summary/draft.ts', import.meta.url),
]);

/**
 * The body's bytes as an ArrayBuffer of their own, to transfer: a small Buffer is a view into
 * Node's shared allocation pool, which must not be detached, so it is copied (a few kilobytes).
 */
function ownBuffer(body) {
  const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  return whole ? body.buffer : body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
}

/** Does one job (renderPool.ts `RecordWork`) and sends its answer. */
async function answer(id, work, record, lang) {
  if (work.kind === 'summary') {
    parentPort?.postMessage({ kind: 'drafted', id, draft: draftSummary(record, lang) });
    return;
  }
  if (work.kind !== 'export') throw new Error(`unknown work ${String(work.kind)}`);
  const { body, contentType, fileName } = await renderExport(work.name, record, lang, work.options);
  const bytes = ownBuffer(body);
  parentPort?.postMessage({ kind: 'rendered', id, bytes, contentType, fileName }, [bytes]);
}

parentPort?.on('message', async ({ id, work, record, lang }) => {
  try {
    await answer(id, work, record, lang);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    parentPort?.postMessage({ kind: 'threw', id, detail });
  }
});
// Last: the pool sends its first job once the renderers are loaded.
parentPort?.postMessage({ kind: 'ready' });
