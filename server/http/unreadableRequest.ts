import { HTTP_STATUS, type HttpErrorCode } from '../../shared';

/** A request the server could not read, as the API answers it. */
export interface RequestRefusal {
  code: HttpErrorCode;
  message: string;
}

/**
 * What body-parser's errors carry (`http-errors`, docs of body-parser, "Errors"): its `type`, the
 * status it suggests (`expose` for a client's error) and the detail of some types. A body that
 * does not inflate has no `type`: it is the zlib stream's own error (`code` `Z_DATA_ERROR`,
 * `ERR__ERROR_FORMAT_PADDING_2`…), given status 400.
 */
interface ReadError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  code?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

/** The encodings body-parser inflates (zstd only where Node has it). */
const ENCODINGS = 'send it uncompressed, or as gzip, deflate or br';

/** The refusal of each type of body-parser's errors a client's body can cause. */
const BY_TYPE: Record<string, (error: ReadError) => RequestRefusal> = {
  'entity.parse.failed': () => ({ code: 'invalid', message: 'the body is not valid JSON' }),
  'entity.too.large': ({ limit }) => ({
    code: 'too_large',
    message:
      typeof limit === 'number'
        ? `the body is too large: this route reads at most ${Math.floor(limit / 1024)} KiB`
        : 'the body is too large for this route',
  }),
  'entity.verify.failed': () => ({ code: 'invalid', message: 'the body was refused as sent' }),
  'charset.unsupported': ({ charset }) => ({
    code: 'unsupported',
    message: `the body's charset ${quoted(charset)}is not supported: send it in UTF-8`,
  }),
  'encoding.unsupported': ({ encoding }) => ({
    code: 'unsupported',
    message: `the body's Content-Encoding ${quoted(encoding)}is not supported: ${ENCODINGS}`,
  }),
  'request.aborted': () => ({ code: 'invalid', message: 'the body was cut off before its end' }),
  'request.size.invalid': () => ({
    code: 'invalid',
    message: 'the body is not as long as its Content-Length says',
  }),
  'parameters.too.many': () => ({ code: 'too_large', message: 'the body has too many parameters' }),
};

/** A header's value named in a message: short (a header may be kilobytes), or left out. */
const quoted = (value: unknown) =>
  typeof value === 'string' && value.length <= 32 && /^[\x21-\x7e]+$/.test(value) ? `"${value}" ` : '';

/**
 * The answer to an error raised while reading a request (its body by express.json or express.raw,
 * a path parameter that does not decode by Express), or null for any other error (a bug: `500
 * internal`). Body-parser runs before authentication, so these reach the app's error handler from
 * every route; each is the client's doing and is answered 400 `invalid`, 413 `too_large` or 415
 * `unsupported`, never 500. The messages never echo the body.
 */
export function unreadableRequest(error: unknown): RequestRefusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const read = error as ReadError;
  if (typeof read.type === 'string') {
    const refusal = BY_TYPE[read.type];
    if (refusal) return refusal(read);
  }
  if (typeof read.code === 'string' && isZlibCode(read.code) && read.status === 400)
    return {
      code: 'invalid',
      message: `the body does not decompress as its Content-Encoding says: ${ENCODINGS}`,
    };
  // Any other error a library marked as the client's (a 4xx status): answered by that status.
  if (typeof read.status === 'number' && read.status >= 400 && read.status < 500)
    return { code: codeOfStatus(read.status), message: 'the request could not be read as sent' };
  return null;
}

/** A 4xx status as the API's code: those it has, else `invalid` (400). */
const codeOfStatus = (status: number): HttpErrorCode =>
  (Object.keys(HTTP_STATUS) as HttpErrorCode[]).find((code) => HTTP_STATUS[code] === status) ?? 'invalid';

/** zlib's error codes (`Z_DATA_ERROR`, `Z_BUF_ERROR`) and brotli's (`ERR__ERROR_FORMAT_…`). */
const isZlibCode = (code: string) => code.startsWith('Z_') || code.startsWith('ERR__');
