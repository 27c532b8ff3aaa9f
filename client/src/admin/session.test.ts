// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import { forgetToken, keepToken, takeToken } from '../session';

afterEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

it('takes the admin token out of the address bar and keeps it for this tab, apart from a join token', () => {
  sessionStorage.setItem('irm.token', 'join-token');
  history.replaceState(null, '', '/admin#token=secret-admin');
  expect(takeToken('admin', location, sessionStorage)).toBe('secret-admin');
  expect(location.href).toBe('http://localhost:3000/admin');
  expect(sessionStorage.getItem('irm.adminToken')).toBe('secret-admin');
  expect(sessionStorage.getItem('irm.token')).toBe('join-token');
  // A reload has no fragment: the kept token.
  expect(takeToken('admin', location, sessionStorage)).toBe('secret-admin');
  forgetToken('admin', sessionStorage);
  expect(takeToken('admin', location, sessionStorage)).toBeNull();
  keepToken('admin', 'pasted', sessionStorage);
  expect(takeToken('admin', location, sessionStorage)).toBe('pasted');
});
