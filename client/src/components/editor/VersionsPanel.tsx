import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../collab/bidi';
import type { Version, VersionsApi } from '../../collab/versions';
import { useRoom } from '../../room/RoomContext';
import { participantOf } from '../../room/selectors';

/**
 * Named versions of the text (the base text is version 0): save the text as it is now under a name,
 * and compare the current text with any version.
 */
export function VersionsPanel(props: {
  api: VersionsApi;
  canSave: boolean;
  comparing: string | null;
  onCompare: (version: Version) => void;
}) {
  const { api, canSave, comparing, onCompare } = props;
  const { t, i18n } = useTranslation();
  const meeting = useRoom().meeting!;
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setVersions(await api.list());
      setError(null);
    } catch {
      setError(t('versions.loadFailed'));
    }
  }, [api, t]);
  useEffect(() => void reload(), [reload]);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="side-panel versions-panel" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t('versions.heading')}</h3>
      {canSave && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) return;
            try {
              const version = await api.save(trimmed);
              setName('');
              setSaved(t('versions.saved', { name: isolate(version.name) }));
              await reload();
            } catch {
              setError(t('versions.saveFailed'));
            }
          }}
        >
          <label>
            {t('versions.name')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('versions.nameHint')}
              required
              maxLength={100}
            />
          </label>
          <button type="submit">{t('versions.save')}</button>
        </form>
      )}
      <p className="small" role="status">
        {saved}
      </p>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {versions && versions.length === 0 && <p className="muted small">{t('versions.empty')}</p>}
      {versions && versions.length > 0 && (
        <ul className="version-list" data-testid="versions">
          {versions.map((v) => (
            <li key={v.id}>
              <span className="version-name" dir="auto">
                {v.name}
              </span>{' '}
              <span className="muted small">
                {v.createdBy
                  ? t('versions.by', {
                      name: isolate(participantOf(meeting, v.createdBy)?.delegation ?? v.createdBy),
                      time: isolate(when.format(v.createdAt)),
                    })
                  : when.format(v.createdAt)}
              </span>
              <button
                type="button"
                className="small-button"
                aria-pressed={comparing === v.id}
                aria-label={t('versions.compareWith', { name: isolate(v.name) })}
                onClick={() => onCompare(v)}
              >
                {t('versions.compare')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
