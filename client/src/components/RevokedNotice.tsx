import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revocation } from '../room/roomClient';

/** Why this window's sign-in ended: revoked while open, or refused when it tried to reconnect. */
export type SignInEnded = Revocation | 'invalid';

const TEXTS = {
  link_replaced: { title: 'revoked.linkReplacedTitle', text: 'revoked.linkReplaced' },
  removed: { title: 'revoked.removedTitle', text: 'revoked.removed' },
  invalid: { title: 'revoked.invalidTitle', text: 'revoked.invalid' },
} as const satisfies Record<SignInEnded, { title: string; text: string }>;

/**
 * Said once the server took this window's sign-in away (docs/protocol.md, "Disconnects"): the
 * participant's link was reissued, they were removed from the meeting, or the link was refused on a
 * reconnect. Nothing here reconnects: the old link will never work again. An alert, and the focus
 * moves to its heading, so a screen reader user hears it at once and keyboard users start from it.
 */
export function RevokedNotice({ why }: { why: SignInEnded }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { title, text } = TEXTS[why];
  return (
    <div className="replaced-notice revoked-notice" role="alert" data-testid="revoked-notice">
      <h2 ref={heading} tabIndex={-1}>
        {t(title)}
      </h2>
      <p>{t(text)}</p>
    </div>
  );
}
