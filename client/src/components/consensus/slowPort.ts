import type { Ack, CommandInput } from '../../../../shared';
import type { RoomPort } from '../../room/roomClient';

/**
 * Holds the answers of `port` (a test room's) until `answer()`: what a command pending on the
 * network looks like, to check that a second press meanwhile sends nothing.
 */
export function holdAnswers(port: RoomPort) {
  const send = port.send.bind(port);
  const held: Array<() => void> = [];
  const sent: CommandInput[] = [];
  port.send = (command) => {
    sent.push(command);
    return new Promise<Ack>((resolve) => held.push(() => void send(command).then(resolve)));
  };
  return {
    sent,
    answer: async () => {
      for (const release of held.splice(0)) release();
      await Promise.resolve();
    },
  };
}
