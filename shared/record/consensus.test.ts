import { describe, expect, it } from 'vitest';
import { closeDueChecks } from '../domain/consensusDecide';
import type { TextFacts } from '../domain/consensusModel';
import { ITEM, P } from '../domain/fixtures';
import { asId, type CheckId, type ProposalId } from '../ids';
import { buildRecord } from './fold';
import type { RecordProposal } from './model';
import { TestLog } from './testLog';

/** 14 July 2025 in Geneva (CEST), where the demo meeting is: T0 is 13:00:00. */
const cest = (hms: string, day = '14') => `2025-07-${day}T${hms}+02:00`;

const X1 = asId<ProposalId>('x_1');
const X2 = asId<ProposalId>('x_2');

/** Three paragraphs, no brackets: what the server would read from the text. */
const text = (proposalId: ProposalId): TextFacts => ({
  proposalId,
  paragraphs: [1, 2, 3].map((n) => ({ id: `b${n}`, number: n, openBrackets: 0, excerpt: `Paragraph ${n}` })),
});

/** The server's scheduler at the log's clock: ends every check whose deadline has passed. */
const closeDue = (log: TestLog) => log.push(...closeDueChecks(log.meeting, log.ctx.now));

/**
 * Resolution 31's proposal (x_1, under the item) agreed paragraph by paragraph, and a draft report
 * under no item (x_2) put to a silence procedure whose deadline passes while the server is down.
 */
function consensusLog(): TestLog {
  const log = new TestLog({ openItem: ITEM.resolution31 });
  log.must(P.chair, {
    type: 'proposal.create',
    symbol: 'AFCP/31/1',
    title: 'Resolution 31',
    submittedBy: 'ATU',
    itemId: ITEM.resolution31,
  });
  log.must(P.secretariat, {
    type: 'proposal.create',
    symbol: 'IRM-1/5',
    title: 'Report',
    submittedBy: 'BDT',
  });
  log.ctx.text = text(X1);
  // 13:00:00 Egypt speaks; the secretariat links the statement to paragraph 2; it ends at 13:01:00.
  log.giveTo(P.egypt);
  log.advance(30);
  log.must(P.secretariat, {
    type: 'paragraph.linkIntervention',
    proposalId: X1,
    paragraphId: 'b2',
    note: 'proposed to add “regional”',
  });
  log.advance(30).must(P.chair, { type: 'floor.end' });
  // 13:01:00 "any objection?" on 1 and 2: France objects and withdraws, Egypt objects; the window ends.
  log
    .advance(0)
    .must(P.chair, { type: 'consensus.ask', proposalId: X1, paragraphIds: ['b2', 'b1'], seconds: 20 });
  log.advance(3).must(P.france, { type: 'consensus.object', checkId: asId<CheckId>('k_1') });
  log.advance(2).must(P.france, { type: 'consensus.withdrawObjection', checkId: asId<CheckId>('k_1') });
  log
    .advance(2)
    .must(P.egypt, { type: 'consensus.object', checkId: asId<CheckId>('k_1'), reason: ' keep it ' });
  log.advance(13);
  closeDue(log);
  // 13:02:00 paragraph 1 agreed ad referendum by Kenya; paragraph 2 asked again, closed early.
  log.advance(40).must(P.secretariat, {
    type: 'paragraph.setStatus',
    proposalId: X1,
    paragraphId: 'b1',
    status: 'ad-referendum',
    delegations: ['Kenya'],
  });
  log.advance(10).must(P.chair, { type: 'consensus.ask', proposalId: X1, paragraphIds: ['b2'], seconds: 20 });
  log.advance(5).must(P.chair, { type: 'consensus.close', checkId: asId<CheckId>('k_2') });
  log.advance(45).must(P.secretariat, { type: 'proposal.publishRevision', proposalId: X1 });
  // 13:03:00 a silence procedure on the report until 15:03; the server is down until 15:33.
  log.ctx.text = text(X2);
  log.must(P.chair, { type: 'consensus.ask', proposalId: X2, until: log.ctx.now + 2 * 3600_000 });
  log.advance(3 * 3600 - 1800);
  closeDue(log);
  return log;
}

const proposalOf = (proposals: RecordProposal[], id: ProposalId) =>
  proposals.find((p) => p.proposalId === id);

describe('paragraph consensus in the record', () => {
  const record = buildRecord(consensusLog().stored());
  const x1 = proposalOf(record.items.find((i) => i.itemId === ITEM.resolution31)!.proposals, X1)!;

  it('lists every check with its objections, withdrawals and outcome, closed at the deadline or early', () => {
    expect(x1.consensus.checks).toMatchObject([
      {
        checkId: 'k_1',
        procedure: 'room',
        paragraphs: [1, 2],
        askedBy: { participantId: P.chair },
        askedAt: cest('13:01:00'),
        endsAt: cest('13:01:20'),
        objections: [
          {
            delegation: 'France',
            by: { name: 'Luc' },
            reason: '',
            at: cest('13:01:03'),
            withdrawnAt: cest('13:01:05'),
            withdrawnBy: { participantId: P.france },
          },
          {
            delegation: 'Egypt',
            reason: 'keep it',
            at: cest('13:01:07'),
            withdrawnAt: null,
            withdrawnBy: null,
          },
        ],
        result: {
          outcome: 'objected',
          closedAt: cest('13:01:20'),
          appliedAt: cest('13:01:20'),
          appliedLate: false,
          closedBy: null,
          early: false,
          objectedBy: ['Egypt'],
        },
      },
      {
        checkId: 'k_2',
        paragraphs: [2],
        askedAt: cest('13:02:10'),
        endsAt: cest('13:02:30'),
        objections: [],
        result: {
          outcome: 'agreed',
          closedAt: cest('13:02:15'),
          closedBy: { participantId: P.chair },
          early: true,
        },
      },
    ]);
  });

  it('lists the status changes, set directly and as a check’s outcome', () => {
    expect(x1.consensus.statuses).toEqual([
      expect.objectContaining({
        paragraph: 1,
        paragraphId: 'b1',
        status: 'ad-referendum',
        delegations: ['Kenya'],
        by: expect.objectContaining({ participantId: P.secretariat }),
        at: cest('13:02:00'),
        checkId: null,
      }),
      expect.objectContaining({
        paragraph: 2,
        status: 'agreed',
        delegations: [],
        by: expect.objectContaining({ participantId: P.chair }),
        at: cest('13:02:15'),
        checkId: 'k_2',
      }),
    ]);
  });

  it('lists the revisions with their status counts and the links with their interventions', () => {
    expect(x1.consensus.revisions).toEqual([
      {
        number: 1,
        symbol: 'AFCP/31/1/Rev.1',
        versionId: 'v_rev1_x_1',
        publishedAt: cest('13:03:00'),
        publishedBy: expect.objectContaining({ participantId: P.secretariat }),
        paragraphs: 3,
        counts: { open: 1, 'ad-referendum': 1, agreed: 1 },
      },
    ]);
    const egypt = record.items.find((i) => i.itemId === ITEM.resolution31)!.interventions[0]!;
    expect(x1.consensus.links).toMatchObject([
      {
        paragraph: 2,
        paragraphId: 'b2',
        delegation: 'Egypt',
        speaker: { participantId: P.egypt },
        note: 'proposed to add “regional”',
        at: cest('13:00:30'),
        by: { participantId: P.secretariat },
        interventionId: egypt.interventionId,
      },
    ]);
  });

  it('keeps a text under no item that went through a silence procedure, applied late after a restart', () => {
    expect(record.unlinkedProposals.map((p) => p.proposalId)).toEqual([X2]);
    expect(record.unlinkedProposals[0]!.consensus.checks).toMatchObject([
      {
        procedure: 'silence',
        paragraphs: [1, 2, 3],
        endsAt: cest('15:03:00'),
        result: {
          outcome: 'agreed',
          closedAt: cest('15:03:00'),
          appliedAt: cest('15:33:00'),
          appliedLate: true,
          closedBy: null,
        },
      },
    ]);
    expect(
      record.unlinkedProposals[0]!.consensus.statuses.map((s) => [
        s.paragraph,
        s.status,
        s.by?.participantId,
      ]),
    ).toEqual([
      [1, 'agreed', P.chair],
      [2, 'agreed', P.chair],
      [3, 'agreed', P.chair],
    ]);
  });

  it('leaves out a link removed afterwards, and a proposal under no item with nothing to tell', () => {
    const log = new TestLog({ openItem: ITEM.resolution31 });
    log.must(P.chair, { type: 'proposal.create', symbol: 'A/1', title: 'A', submittedBy: 'ATU' });
    log.ctx.text = text(X1);
    log.giveTo(P.egypt);
    log.must(P.chair, { type: 'paragraph.linkIntervention', proposalId: X1, paragraphId: 'b1' });
    log.must(P.chair, { type: 'paragraph.unlinkIntervention', linkId: asId('l_1') });
    expect(buildRecord(log.stored()).unlinkedProposals).toEqual([]);
  });

  it('keeps every closed check, beyond those the state keeps', () => {
    const log = new TestLog({ openItem: ITEM.resolution31 });
    log.must(P.chair, {
      type: 'proposal.create',
      symbol: 'A/1',
      title: 'A',
      submittedBy: 'ATU',
      itemId: ITEM.resolution31,
    });
    log.ctx.text = text(X1);
    for (let n = 0; n < 55; n++) {
      log.must(P.chair, { type: 'consensus.ask', proposalId: X1, paragraphIds: ['b1'] });
      log.must(P.france, { type: 'consensus.object', checkId: asId<CheckId>(`k_${n + 1}`) });
      log.must(P.chair, { type: 'consensus.close', checkId: asId<CheckId>(`k_${n + 1}`) });
    }
    expect(log.meeting.consensus.checks.length).toBeLessThan(55);
    const checks = buildRecord(log.stored()).items.find((i) => i.itemId === ITEM.resolution31)!.proposals[0]!
      .consensus.checks;
    expect(checks).toHaveLength(55);
    expect(checks.every((c) => c.result?.outcome === 'objected')).toBe(true);
  });
});
