import { describe, expect, it } from 'vitest';
import { unreadableRequest } from './unreadableRequest';

/** An error as body-parser raises it: an Error with the fields http-errors gives it. */
const raised = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe('unreadableRequest', () => {
  it("leaves the server's own errors to the 500 handler", () => {
    expect(unreadableRequest(new Error('a bug'))).toBeNull();
    expect(unreadableRequest('a string thrown')).toBeNull();
    expect(unreadableRequest(null)).toBeNull();
    // body-parser's own faults (a stream read twice) are 500 too: not the client's doing.
    expect(
      unreadableRequest(raised('stream is not readable', { type: 'stream.not.readable', status: 500 })),
    ).toBeNull();
    // A zlib code without the client's status is not a body that failed to inflate.
    expect(unreadableRequest(raised('incorrect header check', { code: 'Z_DATA_ERROR' }))).toBeNull();
  });

  it('answers by type, with the limit in KiB and the header named only when short', () => {
    expect(
      unreadableRequest(raised('too large', { type: 'entity.too.large', status: 413, limit: 4096 })),
    ).toEqual({
      code: 'too_large',
      message: 'the body is too large: this route reads at most 4 KiB',
    });
    const long = 'x'.repeat(200);
    expect(
      unreadableRequest(raised('no', { type: 'encoding.unsupported', status: 415, encoding: long })),
    ).toEqual({
      code: 'unsupported',
      message:
        "the body's Content-Encoding is not supported: send it uncompressed, or as gzip, deflate or br",
    });
    expect(unreadableRequest(raised('no', { type: 'entity.verify.failed', status: 403 }))?.code).toBe(
      'invalid',
    );
  });

  it("answers another library's 4xx by its status", () => {
    expect(unreadableRequest(raised("Failed to decode param '%E0'", { status: 400 }))?.code).toBe('invalid');
    expect(unreadableRequest(raised('gone', { status: 404 }))?.code).toBe('not_found');
    expect(unreadableRequest(raised('teapot', { status: 418 }))?.code).toBe('invalid');
  });
});
