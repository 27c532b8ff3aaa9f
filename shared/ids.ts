/**
 * Branded id strings: a `MeetingId` cannot be passed where a `ParticipantId` is expected.
 * Ids are opaque; the server makes them (see `server/ids.ts`), the domain only compares them.
 */
type Brand<T, B extends string> = T & { readonly __brand: B };

/** Id of one meeting, e.g. `"m_4f2c9a1e0b"`. */
export type MeetingId = Brand<string, 'MeetingId'>;
/** Id of one participant of a meeting, e.g. `"p_9d81c0aa11"`. */
export type ParticipantId = Brand<string, 'ParticipantId'>;
/** Id of one agenda item, e.g. `"i_0c1d2e3f40"`. */
export type ItemId = Brand<string, 'ItemId'>;
/** Id of one request for the floor, e.g. `"r_77aa01bc23"`. */
export type RequestId = Brand<string, 'RequestId'>;
/** Id of one proposal (consensus text), e.g. `"x_5a5b5c5d5e"`. */
export type ProposalId = Brand<string, 'ProposalId'>;
/** Id of one logged intervention, e.g. `"v_1234abcd56"`. */
export type InterventionId = Brand<string, 'InterventionId'>;
/** Id of one "any objection?" check or silence procedure, e.g. `"k_3c4d5e6f70"`. */
export type CheckId = Brand<string, 'CheckId'>;
/** Id of one link of an intervention to a paragraph, e.g. `"l_8a9b0c1d2e"`. */
export type LinkId = Brand<string, 'LinkId'>;

/**
 * Brands a string that is an id by construction: the id factories below, a fixed id (the demo
 * meeting's), test fixtures. A string from the wire is parsed with a zod id schema instead
 * (shared/protocol/idSchemas.ts), which checks its shape and then brands it.
 */
export const asId = <T extends string>(value: string) => value as T;

/** Fresh ids of each kind, as the domain asks for them (`DecideContext.ids`). */
export interface IdFactories {
  meeting(): MeetingId;
  participant(): ParticipantId;
  item(): ItemId;
  request(): RequestId;
  proposal(): ProposalId;
  intervention(): InterventionId;
  check(): CheckId;
  link(): LinkId;
}

/** The prefix of each kind of id (the letter its ids start with). */
const ID_PREFIXES = {
  meeting: 'm',
  participant: 'p',
  item: 'i',
  request: 'r',
  proposal: 'x',
  intervention: 'v',
  check: 'k',
  link: 'l',
} as const satisfies Record<keyof IdFactories, string>;

/**
 * Typed factories over one generator of unique strings, e.g. `r_…` for a request: with the zod id
 * schemas at the edge, the only place where a string becomes an id.
 */
export function idFactories(newId: (prefix: string) => string): IdFactories {
  return {
    meeting: () => asId<MeetingId>(newId(ID_PREFIXES.meeting)),
    participant: () => asId<ParticipantId>(newId(ID_PREFIXES.participant)),
    item: () => asId<ItemId>(newId(ID_PREFIXES.item)),
    request: () => asId<RequestId>(newId(ID_PREFIXES.request)),
    proposal: () => asId<ProposalId>(newId(ID_PREFIXES.proposal)),
    intervention: () => asId<InterventionId>(newId(ID_PREFIXES.intervention)),
    check: () => asId<CheckId>(newId(ID_PREFIXES.check)),
    link: () => asId<LinkId>(newId(ID_PREFIXES.link)),
  };
}
