/**
 * The join link carries the token in its fragment (`#token=…`). We keep it in session storage, so a
 * reload stays signed in, and take it out of the address bar, so it is not shared by a screenshot
 * or a copied URL.
 */
export function takeToken(
  kind: 'participant' | 'projector',
  location: Location,
  storage: Storage,
): string | null {
  const key = kind === 'projector' ? 'irm.projectorToken' : 'irm.token';
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    storage.setItem(key, fromLink);
    history.replaceState(null, '', location.pathname);
    return fromLink;
  }
  return storage.getItem(key);
}
