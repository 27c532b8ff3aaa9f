import { describe, expect, it } from 'vitest';
import { asId, type MeetingId, type ParticipantId } from '../ids';
import { eventWithoutContacts, withoutContacts } from './contacts';
import { decide } from './decide';
import { EVENT_VERSION, type MeetingEvent } from './events';
import { evolve } from './evolve';
import { command, demoMeeting, ITEM, P, replayAll, testContext } from './fixtures';
import type { Meeting } from './model';
import { type Actor, ADMIN, textReadOnly } from './permissions';
import {
  addParticipant,
  cloneMeeting,
  markInvited,
  planImport,
  type RegistrationRow,
  reissueLink,
  removeParticipant,
  setDocuments,
  updateMeeting,
  updateParticipant,
} from './secretariat';
import { readStoredEvent } from './upgrade';

const ctx = testContext();
const actor = (m: Meeting, id: ParticipantId): Actor => m.participants.find((p) => p.id === id)!;
const apply = (m: Meeting, decision: { ok: boolean; events?: MeetingEvent[] }) => {
  if (!decision.ok) throw new Error(`refused: ${JSON.stringify(decision)}`);
  return decision.events!.reduce(evolve, m);
};
const refusal = (decision: { ok: boolean; error?: { code: string; message: string } }) =>
  decision.ok ? null : decision.error!;
const DOC = {
  symbol: 'IRM-1/3',
  title: 'Draft Resolution 31',
  url: 'https://www.itu.int/md/D22-IRM-C-0003',
  languages: ['en' as const, 'fr' as const],
};

describe('meeting settings', () => {
  it('sets dates, video link, speaking time and options in one decision, stating only what changes', () => {
    const m = demoMeeting();
    const secretariat = actor(m, P.secretariat);
    const startsAt = Date.UTC(2026, 2, 10, 13, 0);
    const decision = updateMeeting(
      m,
      secretariat,
      {
        title: m.title,
        startsAt,
        endsAt: startsAt + 3 * 3600_000,
        videoUrl: 'https://itu.zoom.us/j/123',
        defaultSpeakingSeconds: 240,
        options: { rtoSpokespersonsFirst: true },
      },
      ctx,
    );
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'meeting.updated',
          changes: {
            startsAt,
            endsAt: startsAt + 3 * 3600_000,
            videoUrl: 'https://itu.zoom.us/j/123',
            defaultSpeakingSeconds: 240,
          },
        },
        { type: 'meeting.optionsSet', options: { rtoSpokespersonsFirst: true, newDelegationsFirst: false } },
      ],
    });
    const next = apply(m, decision);
    expect(next.floor.limitSeconds).toBe(240);
    expect(next.videoUrl).toBe('https://itu.zoom.us/j/123');
    expect(updateMeeting(next, secretariat, { title: m.title, startsAt }, ctx)).toEqual({
      ok: true,
      events: [],
    });
  });

  it('refuses an end before the start, and anyone but the secretariat and the administrator', () => {
    const m = demoMeeting();
    expect(refusal(updateMeeting(m, ADMIN, { startsAt: 2000, endsAt: 1000 }, ctx))).toMatchObject({
      code: 'invalid',
    });
    for (const who of [P.chair, P.kenya, P.spokesAtu])
      expect(refusal(updateMeeting(m, actor(m, who), { title: 'X' }, ctx))).toMatchObject({
        code: 'forbidden',
      });
  });

  it('archives only as the administrator; an archived meeting refuses commands and changes until brought back', () => {
    const m = demoMeeting();
    expect(refusal(updateMeeting(m, actor(m, P.secretariat), { archived: true }, ctx))).toMatchObject({
      code: 'forbidden',
    });
    const archived = apply(m, updateMeeting(m, ADMIN, { archived: true }, ctx));
    expect(archived.archived).toBe(true);
    expect(
      refusal(decide(archived, command({ type: 'floor.request', kind: 'speak' }), P.kenya, ctx)),
    ).toMatchObject({ code: 'conflict' });
    expect(refusal(updateMeeting(archived, ADMIN, { title: 'Renamed' }, ctx))).toMatchObject({
      code: 'conflict',
    });
    expect(
      refusal(addParticipant(archived, { name: 'N', delegation: 'Peru', role: 'delegate' }, ctx, ADMIN)),
    ).toMatchObject({ code: 'conflict' });
    expect(updateMeeting(archived, ADMIN, { archived: true }, ctx)).toEqual({ ok: true, events: [] });
    // Its texts are read-only for everyone, as a closed meeting's.
    expect(textReadOnly(archived, actor(archived, P.kenya), { locked: false, kind: 'proposal' })).toBe(
      'closed',
    );
    const back = apply(archived, updateMeeting(archived, ADMIN, { archived: false, title: 'Renamed' }, ctx));
    expect(back).toMatchObject({ archived: false, title: 'Renamed' });
  });

  it('lists documents per agenda item, for an item that exists', () => {
    const m = demoMeeting();
    const next = apply(m, setDocuments(m, actor(m, P.secretariat), ITEM.resolution31, [DOC]));
    expect(next.agenda.find((i) => i.id === ITEM.resolution31)!.documents).toEqual([DOC]);
    expect(refusal(setDocuments(m, ADMIN, asId('i_nope'), [DOC]))).toMatchObject({ code: 'not_found' });
    expect(refusal(setDocuments(m, actor(m, P.chair), ITEM.aob, []))).toMatchObject({ code: 'forbidden' });
  });
});

describe('participants', () => {
  it('adds with an e-mail address once per meeting, compared without case', () => {
    const m = demoMeeting();
    const added = apply(
      m,
      addParticipant(
        m,
        { name: 'Ines', delegation: 'Peru', role: 'delegate', email: 'ines@mtc.gob.pe', lang: 'es' },
        ctx,
        ADMIN,
      ),
    );
    expect(added.participants.at(-1)).toMatchObject({
      email: 'ines@mtc.gob.pe',
      lang: 'es',
      tokenVersion: 0,
      invitedAt: null,
    });
    expect(
      refusal(
        addParticipant(
          added,
          { name: 'Other', delegation: 'Chile', role: 'delegate', email: 'INES@mtc.gob.pe' },
          ctx,
          ADMIN,
        ),
      ),
    ).toMatchObject({ code: 'conflict' });
  });

  it('lets only the administrator appoint or remove a chair, and the administrator or chair a vice-chair', () => {
    const m = demoMeeting();
    const sec = actor(m, P.secretariat);
    expect(refusal(updateParticipant(m, sec, P.kenya, { role: 'chair' }))?.message).toMatch(
      /administrator appoints a chair/,
    );
    expect(refusal(updateParticipant(m, sec, P.kenya, { role: 'vice-chair' }))).toMatchObject({
      code: 'forbidden',
    });
    expect(refusal(updateParticipant(m, sec, P.viceCept, { role: 'delegate' }))).toMatchObject({
      code: 'forbidden',
    });
    expect(updateParticipant(m, ADMIN, P.kenya, { role: 'vice-chair' }).ok).toBe(true);
    // A chair's or vice-chair's record and link sign in someone who can preside: not the secretariat's.
    expect(refusal(updateParticipant(m, sec, P.chair, { email: 'attacker@evil.example' }))?.message).toMatch(
      /only the administrator handles the chair's record/,
    );
    expect(refusal(reissueLink(m, sec, P.chair, ctx))).toMatchObject({ code: 'forbidden' });
    expect(refusal(removeParticipant(m, sec, P.viceCept, ctx))?.message).toMatch(/vice-chair's record/);
    expect(refusal(updateParticipant(m, ADMIN, P.chair, { email: 'chair@itu.int' }))).toBeNull();
    // The chair reads the table but does not manage it.
    expect(refusal(updateParticipant(m, actor(m, P.chair), P.kenya, { name: 'X' }))).toMatchObject({
      code: 'forbidden',
    });
  });

  it('lets only those who manage participants appoint a secretariat member, and no one change or remove themselves', () => {
    const m = demoMeeting();
    const chair = actor(m, P.chair);
    const sec = actor(m, P.secretariat);
    expect(
      refusal(addParticipant(m, { name: 'Puppet', delegation: 'BDT', role: 'secretariat' }, ctx, chair))
        ?.message,
    ).toMatch(/appoints a secretariat member/);
    expect(addParticipant(m, { name: 'Aide', delegation: 'BDT', role: 'secretariat' }, ctx, sec).ok).toBe(
      true,
    );
    expect(refusal(updateParticipant(m, sec, P.secretariat, { role: 'delegate' }))?.message).toMatch(
      /your own role/,
    );
    expect(refusal(removeParticipant(m, sec, P.secretariat, ctx))?.message).toMatch(/cannot remove yourself/);
  });

  it('makes a delegate the spokesperson of an RTO only with the RTO', () => {
    const m = demoMeeting();
    const sec = actor(m, P.secretariat);
    expect(refusal(updateParticipant(m, sec, P.kenya, { role: 'spokesperson' }))).toMatchObject({
      code: 'invalid',
    });
    const next = apply(
      m,
      updateParticipant(m, sec, P.kenya, { role: 'spokesperson', rto: 'ATU', category: 'rto' }),
    );
    expect(next.participants.find((p) => p.id === P.kenya)).toMatchObject({
      role: 'spokesperson',
      rto: 'ATU',
    });
  });

  it('never changes the role of whoever presides', () => {
    const m = demoMeeting();
    expect(refusal(updateParticipant(m, ADMIN, P.chair, { role: 'delegate' }))).toMatchObject({
      code: 'conflict',
    });
    expect(refusal(removeParticipant(m, ADMIN, P.chair, ctx))).toMatchObject({ code: 'conflict' });
  });

  it('removes a participant with their waiting requests, keeping them as a former participant', () => {
    const m0 = demoMeeting({ openItem: true });
    const m = apply(m0, decide(m0, command({ type: 'floor.request', kind: 'speak' }), P.kenya, ctx));
    const requestId = m.floor.queue[0]!.id;
    const decision = removeParticipant(m, actor(m, P.secretariat), P.kenya, ctx);
    expect(decision).toMatchObject({
      ok: true,
      events: [{ type: 'participant.removed', participantId: P.kenya, withdrawnRequestIds: [requestId] }],
    });
    const next = apply(m, decision);
    expect(next.participants.some((p) => p.id === P.kenya)).toBe(false);
    expect(next.formerParticipants.map((p) => p.id)).toEqual([P.kenya]);
    expect(next.floor.queue).toEqual([]);
    expect(
      refusal(decide(next, command({ type: 'floor.request', kind: 'speak' }), P.kenya, ctx)),
    ).toMatchObject({ code: 'forbidden' });
    expect(refusal(removeParticipant(next, ADMIN, P.kenya, ctx))).toMatchObject({ code: 'not_found' });
  });

  it('does not remove someone who has the floor', () => {
    const m0 = demoMeeting({ openItem: true });
    const m1 = apply(m0, decide(m0, command({ type: 'floor.request', kind: 'speak' }), P.kenya, ctx));
    const m = apply(m1, decide(m1, command({ type: 'floor.next', confirmOffline: true }), P.chair, ctx));
    expect(refusal(removeParticipant(m, ADMIN, P.kenya, ctx))?.message).toMatch(/has the floor/);
  });

  it('reissues a link with the next token version, and marks invitations sent', () => {
    const m = demoMeeting();
    const once = apply(m, reissueLink(m, ADMIN, P.kenya, ctx));
    const twice = apply(once, reissueLink(once, ADMIN, P.kenya, ctx));
    expect(twice.participants.find((p) => p.id === P.kenya)!.tokenVersion).toBe(2);
    expect(refusal(reissueLink(m, actor(m, P.kenya), P.kenya, ctx))).toMatchObject({ code: 'forbidden' });
    const invited = apply(m, markInvited(m, ADMIN, [P.kenya, asId('p_gone')], ctx));
    expect(invited.participants.find((p) => p.id === P.kenya)!.invitedAt).toBe(ctx.now);
  });
});

describe('importing a registration list', () => {
  const row = (line: number, body: Omit<RegistrationRow, 'line'>): RegistrationRow => ({ line, ...body });

  it('creates new people, updates those it matches by e-mail or by name and delegation, and says which', () => {
    const m = apply(
      demoMeeting(),
      updateParticipant(demoMeeting(), ADMIN, P.brazil, { email: 'ana@anatel.gov.br' }),
    );
    const plan = planImport(
      m,
      ADMIN,
      [
        row(2, {
          name: 'Ana Souza',
          delegation: 'Brazil',
          role: 'delegate',
          email: 'ANA@anatel.gov.br',
          lang: 'es',
        }),
        row(3, { name: ' amina ', delegation: 'KENYA', role: 'delegate', email: 'amina@ca.go.ke' }),
        row(4, { name: 'محمد', delegation: 'مصر', role: 'delegate', region: 'ARB' }),
        row(5, { name: 'Luc', delegation: 'France', role: 'delegate' }),
      ],
      ctx,
    );
    if ('refused' in plan) throw new Error(plan.refused.message);
    expect(plan.errors).toEqual([]);
    expect(plan.created.map((c) => [c.line, c.participant.name])).toEqual([[4, 'محمد']]);
    expect(plan.updated).toEqual([
      { line: 2, participantId: P.brazil, matchedBy: 'email', changes: { name: 'Ana Souza', lang: 'es' } },
      { line: 3, participantId: P.kenya, matchedBy: 'name', changes: { email: 'amina@ca.go.ke' } },
    ]);
    expect(plan.unchanged).toBe(1);
    const next = plan.events.reduce(evolve, m);
    expect(next.participants).toHaveLength(m.participants.length + 1);
  });

  it('reports every row it cannot take, with its line, and the caller writes nothing then', () => {
    const m = demoMeeting();
    const plan = planImport(
      m,
      actor(m, P.secretariat),
      [
        row(2, { name: 'New', delegation: 'Peru', role: 'delegate', email: 'a@b.pe' }),
        row(3, { name: 'Other', delegation: 'Chile', role: 'delegate', email: 'A@b.pe' }),
        row(4, { name: 'Boss', delegation: 'Chair', role: 'chair' }),
        row(5, { name: 'Amina', delegation: 'Kenya', role: 'vice-chair' }),
      ],
      ctx,
    );
    if ('refused' in plan) throw new Error(plan.refused.message);
    expect(plan.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(plan.errors[0]!.message).toMatch(/line 2/);
    expect(plan.errors[1]!.message).toMatch(/administrator appoints a chair/);
  });

  it('leaves the role of someone already there as it is when the row names none', () => {
    const m = demoMeeting();
    const vice = m.participants.find((p) => p.id === P.viceCept)!;
    const plan = planImport(m, ADMIN, [{ line: 2, name: vice.name, delegation: vice.delegation }], ctx);
    expect(plan).toMatchObject({ errors: [], updated: [], created: [], unchanged: 1 });
    const created = planImport(m, ADMIN, [{ line: 2, name: 'New', delegation: 'Peru' }], ctx);
    expect(created).toMatchObject({ created: [{ participant: { role: 'delegate' } }] });
  });

  it('refuses the rows past the participant quota, naming it, and takes an RTO spokesperson in its region', () => {
    const m = demoMeeting();
    const room = 2000 - m.participants.length;
    const rows = Array.from({ length: room + 2 }, (_, i) =>
      row(i + 2, { name: `Delegate ${i}`, delegation: `Country ${i}`, role: 'delegate' }),
    );
    rows[0] = row(2, { name: 'Spokes', delegation: 'ATU', role: 'spokesperson', rto: 'ATU' });
    const plan = planImport(m, ADMIN, rows, ctx);
    if ('refused' in plan) throw new Error(plan.refused.message);
    expect(plan.created).toHaveLength(room);
    expect(plan.created[0]!.participant).toMatchObject({ rto: 'ATU', region: 'AFR', category: 'rto' });
    expect(plan.errors.map((e) => e.line)).toEqual([room + 2, room + 3]);
    expect(plan.errors[0]!.message).toMatch(/at most 2000 participants/);
  });

  it('is refused as a whole to those who do not manage participants', () => {
    const m = demoMeeting();
    expect(planImport(m, actor(m, P.chair), [], ctx)).toMatchObject({ refused: { code: 'forbidden' } });
  });
});

describe('cloning a meeting', () => {
  it('copies settings, options, agenda with documents and participants with fresh ids, and nothing of the floor', () => {
    const m0 = demoMeeting({ openItem: true, options: { newDelegationsFirst: true } });
    const m1 = apply(m0, setDocuments(m0, ADMIN, ITEM.resolution31, [DOC]));
    const source = apply(m1, reissueLink(m1, ADMIN, P.kenya, ctx));
    const id = asId<MeetingId>('m_irm2');
    const clone = replayAll(cloneMeeting(source, id, { title: 'IRM-2' }, testContext()));
    expect(clone).toMatchObject({
      id,
      title: 'IRM-2',
      timezone: source.timezone,
      status: 'scheduled',
      options: source.options,
    });
    expect(clone.agenda.map((i) => [i.number, i.title, i.status, i.documents])).toEqual(
      source.agenda.map((i) => [i.number, i.title, 'pending', i.documents]),
    );
    expect(clone.participants.map((p) => [p.name, p.role])).toEqual(
      source.participants.map((p) => [p.name, p.role]),
    );
    const sourceIds = new Set<string>(source.participants.map((p) => p.id));
    expect(clone.participants.some((p) => sourceIds.has(p.id))).toBe(false);
    expect(clone.participants.every((p) => p.tokenVersion === 0)).toBe(true);
    expect(clone.presidingParticipantId).toBe(clone.participants.find((p) => p.role === 'chair')!.id);
    expect(clone.floor.queue).toEqual([]);
    // A new start keeps the source's length.
    const dated = apply(source, updateMeeting(source, ADMIN, { startsAt: 1000, endsAt: 4000 }, ctx));
    const later = replayAll(cloneMeeting(dated, id, { title: 'IRM-2', startsAt: 10_000 }, testContext()));
    expect([later.startsAt, later.endsAt]).toEqual([10_000, 13_000]);
    expect(clone.proposals).toEqual([]);
  });
});

describe('contacts', () => {
  it('keeps e-mail addresses out of what the room sees, events included', () => {
    const m = demoMeeting();
    const decision = addParticipant(
      m,
      { name: 'Ines', delegation: 'Peru', role: 'delegate', email: 'ines@mtc.gob.pe' },
      ctx,
      ADMIN,
    );
    const next = apply(m, decision);
    expect(withoutContacts(next).participants.every((p) => p.email === null)).toBe(true);
    expect(withoutContacts(m)).toBe(m); // nothing to hide: the same object
    const [added] = decision.ok ? decision.events : [];
    expect(eventWithoutContacts(added!)).toMatchObject({ participant: { email: null, name: 'Ines' } });
    const update: MeetingEvent = {
      type: 'participant.updated',
      participantId: P.kenya,
      changes: { email: 'x@y.ke', name: 'A' },
    };
    expect(eventWithoutContacts(update)).toEqual({ ...update, changes: { name: 'A' } });
  });
});

describe('version 4 of the events', () => {
  it('reads a version-3 participant and agenda item with no contact, language, token version or documents', () => {
    const participant = {
      id: 'p_x',
      name: 'X',
      delegation: 'Peru',
      role: 'delegate',
      category: 'member-state',
      region: 'AMS',
      rto: null,
    };
    const read = readStoredEvent(
      { seq: 2, at: 5, v: 3, event: { type: 'participant.added', presides: false, participant } as never },
      demoMeeting(),
    );
    expect(read).toMatchObject({
      ok: true,
      stored: {
        v: EVENT_VERSION,
        event: { participant: { ...participant, email: null, lang: null, tokenVersion: 0, invitedAt: null } },
      },
    });
    const item = {
      id: 'i_x',
      number: '9',
      title: 'T',
      description: '',
      plannedMinutes: 0,
      status: 'pending',
      outcome: '',
    };
    const readItem = readStoredEvent(
      { seq: 3, at: 5, v: 3, event: { type: 'agenda.itemAdded', index: 0, item } as never },
      demoMeeting(),
    );
    expect(readItem).toMatchObject({ ok: true, stored: { event: { item: { ...item, documents: [] } } } });
  });
});

it('gives each refused import row a reason for the client: appointments, records, own role, RTO, quota', () => {
  const m = demoMeeting();
  const reasons = (plan: ReturnType<typeof planImport>) => {
    if ('refused' in plan) throw new Error(plan.refused.message);
    return plan.errors.map((e) => [e.line, e.reason]);
  };
  const bySecretariat = planImport(
    m,
    actor(m, P.secretariat),
    [
      { line: 2, name: 'Boss', delegation: 'Chad', role: 'chair' },
      { line: 3, name: 'Vice', delegation: 'Peru', role: 'vice-chair' },
      { line: 4, name: 'Chair-designate', delegation: 'Azerbaijan', lang: 'fr' },
      { line: 5, name: 'VC CEPT', delegation: 'Germany', lang: 'fr' },
      { line: 6, name: 'BDT', delegation: 'BDT', role: 'delegate' },
      { line: 7, name: 'Spokes', delegation: 'ATU', role: 'spokesperson' },
      { line: 8, name: 'Amina', delegation: 'Kenya', role: 'spokesperson' },
      { line: 9, name: 'amina', delegation: 'KENYA', lang: 'en' },
    ],
    ctx,
  );
  expect(reasons(bySecretariat)).toEqual([
    [2, { code: 'appointment', role: 'chair' }],
    [3, { code: 'appointment', role: 'vice-chair' }],
    [4, { code: 'handling', role: 'chair' }],
    [5, { code: 'handling', role: 'vice-chair' }],
    [6, { code: 'own_role' }],
    [7, { code: 'rto_needed' }],
    [8, { code: 'rto_needed' }],
    [9, { code: 'same_as_line', line: 8 }],
  ]);
  const full = m.participants.length;
  const crowd = Array.from({ length: 2000 - full + 1 }, (_, i) => ({
    line: i + 2,
    name: `Delegate ${i}`,
    delegation: `Country ${i}`,
  }));
  expect(reasons(planImport(m, ADMIN, crowd, ctx))).toEqual([
    [crowd.length + 1, { code: 'quota', max: 2000 }],
  ]);
});

it('names who presides when an import row would change their role, and keeps the English words', () => {
  const m = demoMeeting();
  const chair = m.participants.find((p) => p.id === P.chair)!;
  expect(m.presidingParticipantId).toBe(P.chair);
  const plan = planImport(
    m,
    ADMIN,
    [{ line: 2, name: chair.name, delegation: chair.delegation, role: 'delegate' }],
    ctx,
  );
  if ('refused' in plan) throw new Error(plan.refused.message);
  expect(plan.errors).toEqual([
    {
      line: 2,
      message: 'Chair-designate presides: they take back or hand over the chair first',
      reason: { code: 'presides', name: 'Chair-designate' },
    },
  ]);
});
