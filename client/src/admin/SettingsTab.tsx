import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '../../../shared';
import { ItemDocuments } from './ItemDocuments';
import { SettingsForm } from './SettingsForm';

interface SettingsTabProps {
  meeting: Meeting;
  /** meeting.configure: without it (the chair), everything is shown and nothing can be changed. */
  canConfigure: boolean;
  onMeeting: Dispatch<SetStateAction<Meeting | null>>;
}

/** The settings form, then the documents of each agenda item. */
export function SettingsTab({ meeting, canConfigure, onMeeting }: SettingsTabProps) {
  const { t } = useTranslation();
  const readOnly = !canConfigure || meeting.archived;
  const itemSaved = (item: AgendaItem) =>
    onMeeting((m) => m && { ...m, agenda: m.agenda.map((i) => (i.id === item.id ? item : i)) });
  return (
    <div className="admin-settings-tab">
      <SettingsForm key={meeting.id} meeting={meeting} readOnly={readOnly} onSaved={onMeeting} />
      <section className="admin-documents-section" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('admin.documents.heading')}</h2>
        <p className="hint">{t('admin.documents.intro')}</p>
        {meeting.agenda.length === 0 ? (
          <p className="muted">{t('admin.documents.noItems')}</p>
        ) : (
          meeting.agenda.map((item) => (
            <ItemDocuments
              key={item.id}
              meetingId={meeting.id}
              meetingZone={meeting.timezone}
              item={item}
              readOnly={readOnly}
              onSaved={itemSaved}
            />
          ))
        )}
      </section>
    </div>
  );
}
