import { describe, expect, it } from 'vitest';
import { asId, type CheckId, LANGUAGES, type MeetingRecord, type RecordPerson } from '../../../shared';
import { draftSummary } from './draft';
import { IRM1_RECORD } from './fixtures';

const chair = IRM1_RECORD.meeting.chair as RecordPerson;
const at = '2025-07-14T14:00:00+02:00';

/** IRM-1 with x_afcp agreed paragraph by paragraph: 1–3 and 5 agreed, 4 ad referendum (2 reopened), Rev.1 and Rev.2. */
function withConsensus(): MeetingRecord {
  const record = structuredClone(IRM1_RECORD);
  const afcp = record.items.flatMap((i) => i.proposals).find((p) => p.proposalId === 'x_afcp')!;
  const status = (paragraph: number, s: 'open' | 'ad-referendum' | 'agreed') => ({
    paragraph,
    paragraphId: `b${paragraph}`,
    status: s,
    delegations: s === 'ad-referendum' ? ['Kenya'] : [],
    by: chair,
    at,
    checkId: s === 'agreed' ? asId<CheckId>('k_1') : null,
  });
  afcp.consensus.statuses = [
    status(5, 'agreed'),
    status(1, 'agreed'),
    status(2, 'agreed'),
    status(3, 'agreed'),
    status(4, 'ad-referendum'),
    status(6, 'agreed'),
    status(6, 'open'),
  ];
  afcp.consensus.revisions = [1, 2].map((number) => ({
    number,
    symbol: `AFCP/31/1/Rev.${number}`,
    versionId: `v_rev${number}_x_afcp`,
    publishedAt: at,
    publishedBy: chair,
    paragraphs: 6,
    counts: { open: 1, 'ad-referendum': 1, agreed: 4 },
  }));
  return record;
}

describe('the summary’s draft of texts agreed paragraph by paragraph', () => {
  it('tells the paragraphs agreed (as their statuses stand), ad referendum, and the revisions', () => {
    const { text } = draftSummary(withConsensus(), 'en');
    // Sentences in English, symbols in Latin script: no isolation needed.
    expect(text).toContain('In AFCP/4/1, paragraphs 1 to 3 and 5 were agreed.');
    expect(text).toContain('In AFCP/4/1, paragraph 4 was agreed ad referendum.');
    expect(text).toContain('Revisions AFCP/31/1/Rev.1 and AFCP/31/1/Rev.2 were published.');
  });

  it.each(LANGUAGES)('says it in %s, and nothing of it for texts never checked', (lang) => {
    const plain = draftSummary(IRM1_RECORD, lang).text;
    const told = draftSummary(withConsensus(), lang).text;
    expect(told.length).toBeGreaterThan(plain.length);
    expect(told).toContain('AFCP/31/1/Rev.2');
    expect(plain).not.toContain('Rev.2');
  });
});
