import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../collab/bidi';
import type { DocConnection } from '../../collab/docConnection';
import { atMeetingTime, versionName } from '../../collab/textTimes';
import type { Version, VersionsApi } from '../../collab/versions';
import { useRoom } from '../../room/RoomContext';
import { participantOf } from '../../room/selectors';

/** The list with `version` in it (once, even if it was announced and listed both), oldest first. */
const withVersion = (list: Version[], version: Version): Version[] =>
  list.some((v) => v.id === version.id)
    ? list
    : [...list, version].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

/**
 * Named versions of the text (the base text is version 0): save the text as it is now under a name,
 * and compare the current text with any version. Live: a version anyone saves appears at once (the
 * server announces it on the text's connection), and the list is read again after a reconnection,
 * which may have missed announcements.
 */
export function VersionsPanel(props: {
  api: VersionsApi;
  connection: Pick<DocConnection, 'onVersionSaved' | 'onStatus' | 'status'>;
  canSave: boolean;
  comparing: string | null;
  onCompare: (version: Version) => void;
}) {
  const { api, connection, canSave, comparing, onCompare } = props;
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
  const delegationOf = useCallback((id: string) => participantOf(meeting, id)?.delegation ?? id, [meeting]);
  useEffect(
    () =>
      connection.onVersionSaved((version) => {
        setVersions((list) => (list ? withVersion(list, version) : list));
        // Said to screen readers too; one's own save is confirmed by the form.
        const by = version.createdBy ? delegationOf(version.createdBy) : '';
        setSaved(t('texts.versionAnnounced', { name: isolate(version.name), by: isolate(by) }));
      }),
    [connection, delegationOf, t],
  );
  useEffect(() => {
    let wasSynced = connection.status() === 'synced';
    return connection.onStatus(() => {
      const synced = connection.status() === 'synced';
      if (synced && !wasSynced) void reload();
      wasSynced = synced;
    });
  }, [connection, reload]);
  const when = (ms: number) => atMeetingTime(ms, meeting.timezone, i18n.language, t);
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
              setVersions((list) => (list ? withVersion(list, version) : [version]));
              setSaved(t('versions.saved', { name: isolate(version.name) }));
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
          {versions.map((v) => {
            const shown = versionName(v, t);
            return (
              <li key={v.id}>
                <span className="version-name" dir="auto">
                  {shown}
                </span>{' '}
                <span className="muted small">
                  {v.createdBy
                    ? t('versions.by', {
                        name: isolate(delegationOf(v.createdBy)),
                        time: isolate(when(v.createdAt)),
                      })
                    : when(v.createdAt)}
                </span>
                <button
                  type="button"
                  className="small-button"
                  aria-pressed={comparing === v.id}
                  aria-label={t('versions.compareWith', { name: isolate(shown) })}
                  onClick={() => onCompare(v)}
                >
                  {t('versions.compare')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
