import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { useAwarenessPeers } from '../../collab/hooks';
import { displayName } from '../../collab/identity';

/** Who has the text open now, each with the colour of their caret. */
export function AwarenessBar({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const people = useAwarenessPeers(awareness);
  return (
    <div className="awareness-bar">
      <span className="muted small">{t('editor.inTheText')}</span>
      <ul aria-label={t('editor.inTheText')} data-testid="awareness">
        {people.map((p) => (
          <li key={p.clientId}>
            <span className="swatch" style={{ backgroundColor: p.color }} aria-hidden="true" />
            {displayName(p)}
            {p.self && <span className="muted"> ({t('editor.you')})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
