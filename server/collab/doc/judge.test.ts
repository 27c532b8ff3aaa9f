import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asId, type ProposalId } from '../../../shared';
import { writerName } from '../../../shared/collab/limits';
import { DOC_FIELDS, seedDoc } from '../../../shared/collab/schema';
import type { Connection } from '../connection';
import { UpdateValidator, type Writer } from '../validate';
import { judgeUpdate } from './judge';

const validator = new UpdateValidator({ workers: 1, timeoutMs: 2000, maxOldGenerationSizeMb: 64 });
afterAll(() => validator.close());

const writer = (frozen: string[]): Writer => ({
  participantId: 'ana',
  name: 'ana',
  delegation: 'D',
  displayName: writerName({ name: 'ana', delegation: 'D' }),
  moderates: false,
  frozen,
});

describe('judgeUpdate and the frozen paragraphs', () => {
  it('judges again when a paragraph froze while the worker was judging', async () => {
    const main = new Y.Doc();
    seedDoc(main, 'First\n\nSecond');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(main));
    const sv = Y.encodeStateVector(client);
    const second = client.getXmlFragment(DOC_FIELDS.text).get(1) as Y.XmlElement;
    (second.get(0) as Y.XmlText).insert(0, 'Late ');
    const update = Y.encodeStateAsUpdate(client, sv);
    // The meeting as the judging starts (nothing frozen), then as it is when the verdict arrives.
    const seen: string[][] = [[], ['b2']];
    let calls = 0;
    const verdict = await judgeUpdate(
      {
        validator,
        writerOf: () => writer(seen[Math.min(calls++, 1)]!),
        retryTimeoutMs: 5000,
        onRetry: () => {},
      },
      asId<ProposalId>('x_frozen'),
      {} as Connection,
      update,
      () => Y.encodeStateAsUpdate(main),
      () => false,
    );
    expect(verdict).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'changes paragraph b2, which is frozen (agreed, or under an "any objection?" check)',
    });
    expect(calls).toBe(2);
  });
});
