import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAs } from '../support/secretariatApi';
import { startTestServer } from '../support/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const JSON_TYPE = 'application/json';

/** A body as sent: its bytes and the headers that say what they are. */
interface Sent {
  body: BodyInit;
  headers: Record<string, string>;
}

const plain = (text: string, headers: Record<string, string> = {}): Sent => ({
  body: new TextEncoder().encode(text),
  headers: { 'content-type': JSON_TYPE, ...headers },
});

/**
 * Bodies no JSON route can read, and how the API answers each: before authentication (body-parser
 * reads the body first), on every route, and never `500 internal`.
 */
const UNREADABLE: Array<[string, Sent, number, string]> = [
  ['gzip announced, plain body', plain('{"title":"x"}', { 'content-encoding': 'gzip' }), 400, 'invalid'],
  ['br announced, plain body', plain('{"title":"x"}', { 'content-encoding': 'br' }), 400, 'invalid'],
  [
    'deflate announced, plain body',
    plain('{"title":"x"}', { 'content-encoding': 'deflate' }),
    400,
    'invalid',
  ],
  [
    'gzip cut short',
    {
      body: gzipSync('{"title":"x"}').subarray(0, 12),
      headers: { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' },
    },
    400,
    'invalid',
  ],
  ['an unknown encoding', plain('{"title":"x"}', { 'content-encoding': 'x-unknown' }), 415, 'unsupported'],
  [
    'a charset other than UTF-8',
    plain('{"title":"x"}', { 'content-type': `${JSON_TYPE}; charset=latin1` }),
    415,
    'unsupported',
  ],
  [
    'an unknown charset',
    plain('{"title":"x"}', { 'content-type': `${JSON_TYPE}; charset=x-klingon` }),
    415,
    'unsupported',
  ],
  ['not JSON', plain('{"title":'), 400, 'invalid'],
  ['over the limit', plain(`{"title":"${'x'.repeat(70 * 1024)}"}`), 413, 'too_large'],
  [
    'over the limit once inflated',
    {
      body: gzipSync(`{"title":"${'x'.repeat(2 * 1024 * 1024)}"}`),
      headers: { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' },
    },
    413,
    'too_large',
  ],
];

describe('request bodies the API cannot read', () => {
  let server: Server;
  let meetingId: string;
  beforeAll(async () => {
    server = await startTestServer();
    meetingId = (await createAs(server.url, server.adminToken, { title: 'Bodies', timezone: 'UTC' })).meeting
      .id;
  });
  afterAll(() => server.stop());

  const send = async (method: string, route: string, sent: Sent, token?: string) => {
    const res = await fetch(`${server.url}${route}`, {
      method,
      headers: { ...sent.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: sent.body,
    });
    const body = (await res.json()) as { error?: { code: string; message: string } };
    return { status: res.status, code: body.error?.code, message: body.error?.message ?? '' };
  };

  it('are refused 400, 413 or 415 with their reason on every JSON route, authenticated or not', async () => {
    const routes: Array<[string, string]> = [
      ['POST', '/api/meetings'],
      ['PATCH', `/api/meetings/${meetingId}`],
      ['POST', `/api/meetings/${meetingId}/summary`],
      ['POST', '/api/proposals/pr_none/versions'],
    ];
    for (const [name, sent, status, code] of UNREADABLE)
      for (const [method, route] of routes)
        for (const token of [undefined, server.adminToken]) {
          const answer = await send(method, route, sent, token);
          expect([answer.status, answer.code], `${name}: ${method} ${route}`).toEqual([status, code]);
          expect(answer.message, name).not.toMatch(/internal|x{20}/);
        }
  });

  it('names the problem and what to send instead', async () => {
    const gzip = await send('POST', '/api/meetings', UNREADABLE[0]![1]);
    expect(gzip.message).toMatch(/does not decompress as its Content-Encoding says: send it uncompressed/);
    const charset = await send('POST', '/api/meetings', UNREADABLE[5]![1]);
    expect(charset.message).toBe('the body\'s charset "latin1" is not supported: send it in UTF-8');
    const large = await send('POST', '/api/meetings', UNREADABLE[8]![1]);
    expect(large.message).toBe('the body is too large: this route reads at most 64 KiB');
  });

  it('reads a compressed body that is what it says, as if it were plain', async () => {
    const body = JSON.stringify({ title: 'Compressed', timezone: 'UTC' });
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(body)],
      ['br', brotliCompressSync(body)],
    ] as const) {
      const sent = { body: bytes, headers: { 'content-type': JSON_TYPE, 'content-encoding': encoding } };
      expect((await send('POST', '/api/meetings', sent, server.adminToken)).status, encoding).toBe(201);
      // Read, then authenticated: without a token it is the token that is refused.
      expect((await send('POST', '/api/meetings', sent)).status, encoding).toBe(401);
    }
  });

  it('refuses a registration list over 1 MiB as too large (413), not as invalid', async () => {
    const csv = `name,delegation,role\n${'x,y,delegate\n'.repeat(90_000)}`;
    const answer = await send(
      'POST',
      `/api/meetings/${meetingId}/participants/import`,
      { body: csv, headers: { 'content-type': 'text/csv' } },
      server.adminToken,
    );
    expect([answer.status, answer.code]).toEqual([413, 'too_large']);
    expect(answer.message).toBe('the body is too large: this route reads at most 1024 KiB');
  });

  it('refuses a path that does not decode as 400, not as a server error', async () => {
    const res = await fetch(`${server.url}/api/meetings/%E0%A4%A`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid');
  });
});
