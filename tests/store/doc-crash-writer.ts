/**
 * Child process of the doc kill -9 test (tests/store/sqlite.test.ts): loads Yjs document `argv[3]`
 * from `argv[2]`, prints `start <lastUpdateId>`, then edits it forever: each edit pushes one entry
 * `<pid>:<n>` to the array `log`, appends the update and, once `appendDocUpdate` has resolved, prints
 * `<id> <entry>`. Every 25 updates it compacts, so a kill can land in a compaction too.
 */
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite';
import { proposalIdSchema } from '../../shared';

const [file, docArg] = process.argv.slice(2);
if (!file || !docArg) throw new Error('usage: doc-crash-writer.ts <file> <docId>');

const docId = proposalIdSchema.parse(docArg);
const store = SqliteStore.open(file);
const doc = new Y.Doc();
const loaded = await store.loadDoc(docId);
if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
for (const u of loaded.updates) Y.applyUpdate(doc, u);
process.stdout.write(`start ${loaded.lastUpdateId}\n`);

const log = doc.getArray<string>('log');
let update: Uint8Array | null = null;
doc.on('update', (u: Uint8Array) => {
  update = u;
});
for (let n = 1; ; n++) {
  const entry = `${process.pid}:${n}`;
  log.push([entry]);
  const id = await store.appendDocUpdate(docId, update!);
  process.stdout.write(`${id} ${entry}\n`);
  // The state holds every update up to `id`: they were all applied to `doc` and awaited in turn.
  if (n % 25 === 0) await store.compactDoc(docId, Y.encodeStateAsUpdate(doc), id);
}
