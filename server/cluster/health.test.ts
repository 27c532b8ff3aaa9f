import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asId, type MeetingId } from '../../shared';
import { SeqConflictError } from '../store/types';
import { isUnreachableError, StoreHealth } from './health';

const meetingIdOf = asId<MeetingId>;

/** An ioredis client as StoreHealth sees it: a status, connection events and ping. */
class FakeConnection extends EventEmitter {
  status = 'ready';
  pingAnswers = true;
  ping = vi.fn(async () => {
    if (!this.pingAnswers) throw new Error('Command timed out');
    return 'PONG';
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('isUnreachableError', () => {
  it('knows ioredis connection failures, also wrapped as a cause', () => {
    expect(
      isUnreachableError(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe(true);
    expect(isUnreachableError(new Error('Connection is closed.'))).toBe(true);
    expect(isUnreachableError(Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' }))).toBe(
      true,
    );
    expect(
      isUnreachableError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isUnreachableError(
        new Error('meeting m_1: Command timed out', { cause: new Error('Command timed out') }),
      ),
    ).toBe(true);
  });

  it('a store that answered is reachable: script errors, seq conflicts, anything else', () => {
    expect(isUnreachableError(Object.assign(new Error('ERR_STATE bad'), { name: 'ReplyError' }))).toBe(false);
    expect(isUnreachableError(new SeqConflictError(meetingIdOf('m_1'), 3, 4))).toBe(false);
    expect(isUnreachableError('nope')).toBe(false);
  });
});

describe('StoreHealth', () => {
  it('without a connection (SQLite) it is always ok', () => {
    const health = new StoreHealth();
    health.failed(new Error('Connection is closed.'));
    expect(health.state).toBe('ok');
  });

  it('follows the connection: close/end/error while not ready → unavailable, ready → ok; tells each change once', () => {
    const health = new StoreHealth();
    const connection = new FakeConnection();
    const changes: string[] = [];
    health.onChange((s) => changes.push(s));
    health.follow(connection);
    expect(health.state).toBe('ok');

    connection.status = 'reconnecting';
    connection.emit('close');
    connection.emit('error', new Error('connect ECONNREFUSED'));
    connection.emit('end');
    expect(health.state).toBe('unavailable');
    connection.status = 'ready';
    connection.emit('ready');
    expect(health.state).toBe('ok');
    // An error event on a ready connection is not a lost connection.
    connection.emit('error', new Error('something'));
    expect(health.state).toBe('ok');
    expect(changes).toEqual(['unavailable', 'ok']);

    health.close();
    connection.status = 'reconnecting';
    connection.emit('close');
    expect(health.state).toBe('ok');
    expect(changes).toEqual(['unavailable', 'ok']);
  });

  it('a failed call turns it unavailable; a ready connection is pinged until it answers', async () => {
    vi.useFakeTimers();
    const health = new StoreHealth();
    const connection = new FakeConnection();
    health.follow(connection);

    health.failed(Object.assign(new Error('ERR_STATE'), { name: 'ReplyError' }));
    expect(health.state).toBe('ok');

    connection.pingAnswers = false;
    health.failed(new Error('Command timed out'));
    expect(health.state).toBe('unavailable');
    await vi.advanceTimersByTimeAsync(1000);
    expect(connection.ping).toHaveBeenCalledTimes(1);
    expect(health.state).toBe('unavailable');

    connection.pingAnswers = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(health.state).toBe('ok');
    // Probing stops once ok.
    await vi.advanceTimersByTimeAsync(5000);
    expect(connection.ping).toHaveBeenCalledTimes(2);
    health.close();
  });

  it('a successful append turns it ok', () => {
    const health = new StoreHealth();
    const connection = new FakeConnection();
    health.follow(connection);
    health.failed(new Error('Connection is closed.'));
    expect(health.state).toBe('unavailable');
    health.succeeded();
    expect(health.state).toBe('ok');
    health.close();
  });
});
