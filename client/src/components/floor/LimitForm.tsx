import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom, useRoomPort } from '../../room/RoomContext';

/** The default speaking time for new interventions. */
export function LimitForm() {
  const { t } = useTranslation();
  const m = useRoom().meeting!;
  const send = useRoomPort().send;
  const [limit, setLimit] = useState(String(m.floor.limitSeconds));
  return (
    <form
      className="inline-form limit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const seconds = Number(limit);
        if (Number.isInteger(seconds)) void send({ type: 'floor.setLimit', seconds });
      }}
    >
      <label>
        {t('chair.limitLabel')}
        <input
          type="number"
          min={10}
          max={3600}
          step={10}
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
        />
      </label>
      <button type="submit">{t('chair.setLimit')}</button>
    </form>
  );
}
