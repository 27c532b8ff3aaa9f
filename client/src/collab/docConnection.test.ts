import { describe, expect, it } from 'vitest';
import { statusWhenClosed } from './docConnection';

describe('what a text the server closed for good shows', () => {
  it.each([
    [4401, 'refused'],
    [4403, 'refused'],
    [4409, 'replaced'],
    [4413, 'overLimit'],
    [4400, 'refused'],
    [undefined, 'refused'],
  ] as const)('close code %s shows %s', (code, status) => {
    expect(statusWhenClosed(code)).toBe(status);
  });
});
