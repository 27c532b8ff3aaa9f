import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncMessage } from '../../tests/support/collab';
import { decodeAwarenessUpdate, encodeAwarenessEntries, MAX_STATE_CHARS, sanitizeState } from './awareness';
import { hasStructs, isEmptyUpdate, parseMessage } from './protocol';

describe('parseMessage', () => {
  const update = (() => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    return Y.encodeStateAsUpdate(doc);
  })();

  it('reads the framing of every y-websocket message type', () => {
    expect(parseMessage(syncMessage(0, new Uint8Array([0])))).toEqual({
      type: 'syncStep1',
      stateVector: new Uint8Array([0]),
    });
    expect(parseMessage(syncMessage(1, update))).toEqual({ type: 'syncStep2', update });
    expect(parseMessage(syncMessage(2, update))).toEqual({ type: 'update', update });
    expect(parseMessage(new Uint8Array([1, 1, 0]))).toEqual({
      type: 'awareness',
      update: new Uint8Array([0]),
    });
    expect(parseMessage(new Uint8Array([3]))).toEqual({ type: 'queryAwareness' });
    expect(parseMessage(new Uint8Array([2, 0]))).toEqual({ type: 'ignored', messageType: 2 });
    expect(parseMessage(new Uint8Array([9]))).toEqual({ type: 'ignored', messageType: 9 });
  });

  it('never throws on garbage: truncated, empty, oversized numbers, bad state vectors', () => {
    for (const bytes of [
      new Uint8Array(0),
      new Uint8Array([0]),
      new Uint8Array([0, 5]),
      syncMessage(2, update).slice(0, 4),
      new Uint8Array(12).fill(0xff),
      syncMessage(0, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])),
      new Uint8Array([1, 9, 1]),
    ]) {
      expect(parseMessage(bytes).type).toBe('invalid');
    }
  });

  it('tells empty and struct-less updates apart', () => {
    expect(isEmptyUpdate(new Uint8Array([0, 0]))).toBe(true);
    expect(isEmptyUpdate(update)).toBe(false);
    expect(hasStructs(update)).toBe(true);
    expect(hasStructs(new Uint8Array([0, 1, 5, 1, 0, 1]))).toBe(false);
  });
});

describe('awareness wire format', () => {
  it('round-trips entries and drops states that are not objects or too large', () => {
    const bytes = encodeAwarenessEntries([
      { clientId: 1, clock: 3, state: { user: { name: 'A' }, cursor: { anchor: 1 } } },
      { clientId: 2, clock: 1, state: null },
    ]);
    expect(decodeAwarenessUpdate(bytes)).toEqual([
      { clientId: 1, clock: 3, state: { user: { name: 'A' }, cursor: { anchor: 1 } } },
      { clientId: 2, clock: 1, state: null },
    ]);
    const odd = encodeAwarenessEntries([
      { clientId: 3, clock: 1, state: [1, 2] as never },
      { clientId: 4, clock: 1, state: 'text' as never },
      { clientId: 5, clock: 1, state: { big: 'x'.repeat(MAX_STATE_CHARS) } },
    ]);
    expect(decodeAwarenessUpdate(odd).map((e) => e.state)).toEqual([undefined, undefined, undefined]);
    expect(() => decodeAwarenessUpdate(bytes.slice(0, bytes.length - 3))).toThrow();
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([]).fill(0xff))).toThrow();
  });

  it('replaces user and keeps the other fields', () => {
    const user = { name: 'Ana', delegation: 'Brazil', participantId: 'p_1', color: '#1f77b4' };
    expect(sanitizeState({ user: { name: 'Luc' }, cursor: 1 }, user)).toEqual({ user, cursor: 1 });
  });
});
