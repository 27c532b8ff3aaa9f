/**
 * Child process of the kill -9 test (tests/store/sqlite.test.ts): appends to `argv[2]`, meeting
 * `argv[3]`, one event per append (and now and then a batch of several with a command record), and
 * prints `<lastSeq>` on its own line after each append has resolved, until it is killed.
 */
import { SqliteStore } from '../../server/store/sqlite';
import { meetingIdSchema, participantIdSchema } from '../../shared';

const [file, meetingArg] = process.argv.slice(2);
if (!file || !meetingArg) throw new Error('usage: crash-writer.ts <file> <meetingId>');

const meetingId = meetingIdSchema.parse(meetingArg);
const WRITER = participantIdSchema.parse('p_writer');
const store = SqliteStore.open(file);
let seq = await store.lastSeq(meetingId);
process.stdout.write(`start ${seq}\n`);
for (;;) {
  const size = seq % 7 === 0 ? 5 : 1;
  const events = Array.from({ length: size }, (_, i) => ({
    seq: seq + 1 + i,
    at: 1_752_490_800_000 + seq + 1 + i,
    event: { type: 'floor.extended' as const, seconds: seq + 1 + i, limitSeconds: seq + 1 + i },
  }));
  const last = seq + size;
  await store.append(
    meetingId,
    seq,
    events,
    [{ participantId: WRITER, commandId: `c_${last}`, ack: { ok: true, seq: last } }],
    seq === 0 ? { title: 'crash' } : undefined,
  );
  seq = last;
  process.stdout.write(`${seq}\n`);
}
