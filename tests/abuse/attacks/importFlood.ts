import { createMeetingWith } from '../../support/meeting';
import type { Attack, AttackContext, RunningAttack } from './types';

/** What the offender got from its import flood. */
export interface ImportFloodResult {
  /** Answers of the previews: status → count. */
  statuses: Map<number, number>;
  /** Refusal messages → count. */
  messages: Map<string, number>;
  /** Bytes of the list sent each time. */
  bytes: number;
}

/** Rows of the list: the meeting's whole participant quota, each as long as the schema allows. */
const ROWS = 2000;
const SENDERS = 8;

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** A registration list of `ROWS` rows with 190-character names and delegations: just under 1 MiB. */
export function largestRegistrationList(): string {
  const lines = ['name;delegation;role;category;region;email;lang'];
  for (let i = 0; i < ROWS; i++) {
    const pad = 'x'.repeat(185);
    lines.push(`Name ${i} ${pad};Delegation ${i} ${pad};delegate;Member State;Africa;p${i}@example.org;fr`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The meeting's secretariat previews (`?dryRun=1`) the largest registration list the server takes,
 * 2000 rows in just under 1 MiB, from 8 requests in parallel, over and over: each preview parses the
 * whole file and plans every row.
 */
export async function startImportFlood(
  ctx: AttackContext,
): Promise<RunningAttack & { result: () => Promise<ImportFloodResult> }> {
  const created = await createMeetingWith(ctx.url, ctx.adminToken, {
    offender: { name: 'Offender', delegation: 'Atlantis', role: 'secretariat', region: 'EUR' },
  });
  const token = created.people.offender!.token;
  const importUrl = `${ctx.url}/api/meetings/${created.meetingId}/participants/import?dryRun=1`;
  const csv = largestRegistrationList();
  const result: ImportFloodResult = {
    statuses: new Map(),
    messages: new Map(),
    bytes: Buffer.byteLength(csv),
  };
  let running = true;
  const sender = async () => {
    while (running) {
      try {
        const res = await fetch(importUrl, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          body: csv,
        });
        const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
        bump(result.statuses, res.status);
        if (res.status !== 200 && body?.error)
          bump(result.messages, body.error.message.replace(/\d+(\.\d+)? s\b/, 'N s'));
      } catch {
        bump(result.statuses, 0);
      }
    }
  };
  const senders = Promise.all(Array.from({ length: SENDERS }, sender));
  let finished: Promise<ImportFloodResult> | undefined;
  const finish = () => {
    finished ??= (async () => {
      running = false;
      await senders;
      return result;
    })();
    return finished;
  };
  return {
    stop: async () => {
      const r = await finish();
      return `${r.bytes} bytes a list; answers ${JSON.stringify([...r.statuses])}`;
    },
    result: finish,
  };
}

export const attack: Attack = {
  name: 'import-flood',
  summary: 'the secretariat previews a 2000-row, 1 MiB registration list 8 at a time, over and over',
  start: startImportFlood,
};
