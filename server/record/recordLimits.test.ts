import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../shared';
import { logCost, recordCost, recordRows } from './recordLimits';
import { RECORD_EXPORTS } from './render';
import { irmRecord, largeRecord } from './render/fixtures';

const MiB = 1024 * 1024;
/** A caller's burst at the bulk gate (server/http/bulkGate.ts): no job may cost more. */
const CALLER_BURST = 4 * MiB;

const withLastSeq = (record: MeetingRecord, lastSeq: number): MeetingRecord => ({
  ...record,
  meeting: { ...record.meeting, lastSeq },
});

/** The cost as the routes charge it with the record in hand, at its own last seq. */
const costOf = (work: Parameters<typeof recordCost>[0], record: MeetingRecord) =>
  recordCost(work, record, record.meeting.lastSeq);

describe('recordCost', () => {
  it("charges a big meeting's .docx nearly the caller's whole burst, where its log's events gave half", () => {
    const big = largeRecord({ interventions: 5000, participants: 2000 });
    expect(recordRows(big)).toBe(40 + 5000 + 2000);
    const docx = costOf('record.docx', big);
    expect(docx).toBeGreaterThan(0.95 * CALLER_BURST);
    expect(docx).toBeLessThanOrEqual(CALLER_BURST);
    // By its log alone (100 bytes an event, at most 2 MiB, as before) it was half of that.
    expect(docx).toBeGreaterThan(1.9 * Math.min(logCost(big.meeting.lastSeq), 2 * MiB));
    // Larger still, it is the burst: the gate's one at a time per caller bounds it beyond.
    expect(costOf('record.docx', largeRecord({ interventions: 8000, participants: 2000 }))).toBe(
      CALLER_BURST,
    );
  });

  it('grows with the interventions and with the participants, whatever the log', () => {
    const sizes = [
      [500, 200],
      [1000, 200],
      [1000, 400],
    ] as const;
    const costs = sizes.map(([interventions, participants]) =>
      costOf('record.xlsx', withLastSeq(largeRecord({ interventions, participants }), 1)),
    );
    expect(costs[1]).toBeGreaterThan(costs[0]!);
    expect(costs[2]).toBeGreaterThan(costs[1]!);
  });

  it('charges each job by what it costs to make: the Office files most, the CSVs and the summary least', () => {
    const record = withLastSeq(largeRecord({ interventions: 1000, participants: 400 }), 1);
    const docx = costOf('record.docx', record);
    expect(costOf('record.xlsx', record)).toBeLessThan(docx);
    for (const light of ['record.md', 'interventions.csv', 'attendance.csv', 'summary'] as const)
      expect(costOf(light, record), light).toBeLessThan(costOf('record.xlsx', record));
  });

  it("lets an IRM's secretariat download every export and draft the summary at once", () => {
    const irm = largeRecord({ interventions: 300, participants: 150 });
    const all = [...RECORD_EXPORTS, 'summary' as const].reduce((sum, work) => sum + costOf(work, irm), 0);
    expect(all).toBeLessThan(CALLER_BURST);
  });

  it('charges by the log before any record of the meeting was made', () => {
    expect(recordCost('record.docx', null, 20_000)).toBe(logCost(20_000));
    expect(recordCost('record.docx', null, 1)).toBeGreaterThan(logCost(1));
  });

  it('charges by the log where it is longer than the record is large (the fold, the clone)', () => {
    const record = withLastSeq(irmRecord(), 20_000);
    expect(costOf('attendance.csv', record)).toBe(logCost(20_000));
    expect(logCost(20_000)).toBe(2_000_000);
    expect(logCost(1_000_000)).toBe(CALLER_BURST);
  });
});
