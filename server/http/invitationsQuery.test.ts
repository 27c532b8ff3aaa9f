import { describe, expect, it } from 'vitest';
import { invitationsCsvQuerySchema, MAX_LISTED_IDS } from './invitationsQuery';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p_${i.toString(16).padStart(14, '0')}`);
const parse = (query: Record<string, unknown>) => invitationsCsvQuerySchema.safeParse(query);

describe('the query of invitations.csv', () => {
  it('takes a comma-separated list of up to 5000 ids and a delimiter, or neither', () => {
    expect(parse({}).data).toEqual({});
    expect(parse({ participantIds: 'p_1,p_2', delimiter: 'semicolon' }).data).toEqual({
      participantIds: ['p_1', 'p_2'],
      delimiter: 'semicolon',
    });
    expect(parse({ participantIds: ids(MAX_LISTED_IDS).join(',') }).data?.participantIds).toHaveLength(5000);
  });

  it.each([
    ['5001 ids', { participantIds: ids(MAX_LISTED_IDS + 1).join(',') }],
    ['an empty list', { participantIds: '' }],
    ['an empty id', { participantIds: 'p_1,,p_2' }],
    ['an id too long', { participantIds: 'p'.repeat(65) }],
    ['the parameter twice', { participantIds: ['p_1', 'p_2'] }],
    ['another delimiter', { delimiter: 'tab' }],
    ['a parameter it does not know', { ids: 'p_1' }],
  ])('refuses %s', (_, query) => {
    expect(parse(query).success).toBe(false);
  });
});
