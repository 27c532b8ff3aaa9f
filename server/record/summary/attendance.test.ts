import { describe, expect, it } from 'vitest';
import {
  type AttendanceRow,
  asId,
  type MeetingRecord,
  type ParticipantId,
  type RecordPerson,
} from '../../../shared';
import { attendanceFacts } from './attendance';
import { draftSummary } from './draft';
import { IRM1_RECORD } from './fixtures';

const rowOf = (person: Partial<RecordPerson> & Pick<RecordPerson, 'participantId'>, attended = true) => {
  const template = IRM1_RECORD.attendance.participants[2]!;
  return {
    ...template,
    person: { ...template.person, ...person },
    sessions: attended ? template.sessions : [],
  } satisfies AttendanceRow;
};

/** The fixture attended by `rows` only. */
function attendedBy(rows: AttendanceRow[]): MeetingRecord {
  const record = structuredClone(IRM1_RECORD);
  record.attendance.participants = rows;
  return record;
}

const chair = IRM1_RECORD.meeting.chair!;
const id = (text: string) => asId<ParticipantId>(text);

describe('who the opening counts', () => {
  it('counts the fixture as a secretariat reports it: not BDT, not the chair’s title, not observers', () => {
    expect(attendanceFacts(IRM1_RECORD)).toEqual({
      // 17 connected, less the secretariat; the chair and the youth observer are participants.
      participants: 16,
      delegations: [
        { category: 'member-state', count: 9 },
        { category: 'sector-member', count: 1 },
        { category: 'rto', count: 3 },
      ],
      regions: ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'],
    });
    expect(draftSummary(IRM1_RECORD, 'en').text).toContain(
      'It was attended by 16 participants from 9 Member States, 1 Sector Member and 3 regional ' +
        'telecommunication organizations. All six regions were represented: Africa, the Americas, the Arab ' +
        'States, Asia and the Pacific, the Commonwealth of Independent States (CIS) and Europe.',
    );
  });

  it('counts the chair’s administration only through a delegation of its own, and its region likewise', () => {
    const chairRow = rowOf(chair);
    const delegate = rowOf({
      ...chair,
      participantId: id('p_az'),
      role: 'delegate',
      delegation: 'Azerbaijan',
    });
    expect(attendanceFacts(attendedBy([chairRow, delegate]))).toEqual({
      participants: 2,
      delegations: [{ category: 'member-state', count: 1 }],
      regions: ['CIS'],
    });
    expect(attendanceFacts(attendedBy([chairRow]))).toEqual({
      participants: 1,
      delegations: [],
      regions: [],
    });
    expect(draftSummary(attendedBy([chairRow]), 'en').text).toContain(
      'It was attended by 1 participant.\n\n',
    );
  });

  it('counts each delegation once, in its category, and leaves out who never connected', () => {
    const facts = attendanceFacts(
      attendedBy([
        rowOf({ participantId: id('p_1'), delegation: 'Kenya' }),
        rowOf({ participantId: id('p_2'), delegation: 'Kenya\n' }),
        rowOf({
          participantId: id('p_3'),
          delegation: 'University of Nairobi',
          category: 'academia',
        }),
        rowOf({
          participantId: id('p_4'),
          delegation: 'Safaricom',
          category: 'associate',
        }),
        rowOf({ participantId: id('p_5'), delegation: 'Uganda' }, false),
        rowOf({
          participantId: id('p_6'),
          delegation: 'BDT',
          role: 'delegate',
          category: 'bdt',
          region: 'none',
        }),
      ]),
    );
    expect(facts).toEqual({
      participants: 4,
      delegations: [
        { category: 'member-state', count: 1 },
        { category: 'associate', count: 1 },
        { category: 'academia', count: 1 },
      ],
      regions: ['AFR'],
    });
  });
});
