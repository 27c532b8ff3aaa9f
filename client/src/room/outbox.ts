import type { Ack, CommandInput } from '../../../shared';

/**
 * Why a command waits on this device:
 * - `offline`: the connection was down when it was given; it goes out when the connection is back.
 * - `unconfirmed`: the server answered that it could not confirm storing it; it goes out again (same
 *   id, so it is applied at most once) when the server's store is back.
 * - `sending`: on its way now; it leaves the outbox with the server's answer.
 */
export type PendingReason = 'offline' | 'unconfirmed' | 'sending';

/** A command kept on this device: not refused, not (known to be) stored yet. */
export interface PendingCommand {
  /** The command id: the same on every attempt, so the server applies it at most once. */
  id: string;
  command: CommandInput;
  reason: PendingReason;
}

/** What the promise of a cancelled command resolves to: nothing was sent, nothing was applied. */
const CANCELLED: Ack = {
  ok: false,
  error: { code: 'unavailable', message: 'cancelled on this device before it was sent' },
};

/**
 * The commands kept until they can be sent, in the order they were given, each with the promise of
 * its eventual answer (the caller of `send` awaits the real ack, however late).
 */
export class Outbox {
  private entries: PendingCommand[] = [];
  private readonly answers = new Map<string, (ack: Ack) => void>();

  constructor(private readonly changed: (entries: readonly PendingCommand[]) => void) {}

  get list(): readonly PendingCommand[] {
    return this.entries;
  }

  /** Keeps a new command; the promise settles with its answer once sent, or CANCELLED. */
  keep(id: string, command: CommandInput, reason: PendingReason): Promise<Ack> {
    return new Promise((resolve) => {
      this.answers.set(id, resolve);
      this.entries = [...this.entries, { id, command, reason }];
      this.changed(this.entries);
    });
  }

  /** The first command that may go out now (`unconfirmed` ones only once the store is back). */
  next(storeOk: boolean): PendingCommand | undefined {
    return this.entries.find((e) => e.reason === 'offline' || (storeOk && e.reason === 'unconfirmed'));
  }

  mark(id: string, reason: PendingReason): void {
    if (!this.answers.has(id)) return;
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, reason } : e));
    this.changed(this.entries);
  }

  /** The command was answered: it leaves the outbox and its caller gets the answer. */
  settle(id: string, ack: Ack): void {
    const resolve = this.answers.get(id);
    if (!resolve) return;
    this.answers.delete(id);
    this.entries = this.entries.filter((e) => e.id !== id);
    this.changed(this.entries);
    resolve(ack);
  }

  /** The participant gave up on a command that is not on its way: it is never sent. */
  cancel(id: string): void {
    if (this.entries.find((e) => e.id === id)?.reason === 'sending') return;
    this.settle(id, CANCELLED);
  }
}
