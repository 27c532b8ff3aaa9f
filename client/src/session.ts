/**
 * The join link carries the token in its fragment (`#token=…`). We keep it in session storage, so a
 * reload stays signed in, and take it out of the address bar, so it is not shared by a screenshot
 * or a copied URL. The administrator's link (`/admin#token=…`) works the same way, under its own key,
 * so an operator who is also a participant in another tab keeps both.
 */
export type TokenKind = 'participant' | 'projector' | 'admin';

const KEYS: Record<TokenKind, string> = {
  participant: 'irm.token',
  projector: 'irm.projectorToken',
  admin: 'irm.adminToken',
};

export function takeToken(kind: TokenKind, location: Location, storage: Storage): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    storage.setItem(KEYS[kind], fromLink);
    history.replaceState(null, '', location.pathname);
    return fromLink;
  }
  return storage.getItem(KEYS[kind]);
}

/** Keeps a token typed or pasted in (the administrator's sign-in form), as a link's would be kept. */
export function keepToken(kind: TokenKind, token: string, storage: Storage): void {
  storage.setItem(KEYS[kind], token);
}

/** Forgets a token the server refused (or on signing out), so the next visit asks again. */
export function forgetToken(kind: TokenKind, storage: Storage): void {
  storage.removeItem(KEYS[kind]);
}
