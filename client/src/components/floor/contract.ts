import type { CommandInput, CurrentSpeaker, Meeting } from '../../../../shared';
import type { RoomPort } from '../../room/roomClient';

/**
 * Issue 12 contract: the shapes the domain adds (suspension, undo, clearing, offline confirmation),
 * declared here so the floor UI codes against them while the domain lands in parallel. Once merged,
 * these match shared/protocol/commands.ts and shared/domain/model.ts and the casts below are no-ops.
 */

/** A speaker interrupted by a point of order (or a right of reply the chair chose to suspend for). */
export interface SuspendedSpeaker extends CurrentSpeaker {
  remainingSeconds: number;
  suspendedAt: number;
}

/** The floor commands of issue 12, as the client sends them. */
export type FloorContractCommand =
  | { type: 'floor.give'; requestId: string; confirmOffline?: boolean; suspend?: boolean }
  | { type: 'floor.next'; confirmOffline?: boolean; suspend?: boolean }
  | { type: 'floor.endSuspended' }
  | { type: 'floor.clear' }
  | { type: 'floor.restore'; requestIds: string[] }
  | { type: 'agenda.restore'; itemId: string };

/** Sends an issue 12 command through the room port. */
export const sendContract = (room: RoomPort, command: FloorContractCommand) =>
  // issue 12 contract: the command union gains these shapes with the domain change.
  room.send(command as unknown as CommandInput);

/** The suspended speakers, the one who resumes first last; empty before the domain change. */
export const suspendedOf = (meeting: Meeting): SuspendedSpeaker[] =>
  // issue 12 contract: Floor.suspended
  (meeting.floor as { suspended?: SuspendedSpeaker[] }).suspended ?? [];
