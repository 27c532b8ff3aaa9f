import { useTranslation } from 'react-i18next';
import { personalName } from '../format';
import { useRoom } from '../room/RoomContext';
import { byRegion } from '../room/selectors';

/**
 * Who is here, by region and RTO, with who is online. A large meeting's list scrolls inside the
 * panel (focusable, so it scrolls by keyboard) rather than lengthening the page.
 */
export function ParticipantsPanel() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const m = meeting!;
  const online = m.participants.filter((p) => p.online).length;
  return (
    <section
      className="panel participants"
      aria-labelledby="participants-heading"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus
      tabIndex={0}
    >
      <h2 id="participants-heading">
        {t('participants.heading')}{' '}
        <small>{t('participants.count', { online, total: m.participants.length })}</small>
      </h2>
      {byRegion(m).map((group) => (
        <div key={group.region} className="region-group">
          <h3>{t(`regions.${group.region}`)}</h3>
          <ul>
            {group.people.map((p) => (
              <li key={p.id} className={p.online ? 'online' : 'offline'}>
                <span
                  className="dot"
                  role="img"
                  aria-label={p.online ? t('participants.online') : t('participants.offline')}
                />
                <strong>{p.delegation}</strong> <span className="person">{personalName(p.name)}</span>{' '}
                <span className="role">
                  {t(`roles.${p.role}`)}
                  {p.rto ? ` · ${p.rto}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
