import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLOOR_KINDS, type FloorKind, type Participant } from '../../../../shared';
import { personalName } from '../../format';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { searchParticipants } from './speakerSearch';

/**
 * The presiding officer adds anyone to the list (a delegation asking by chat or nameplate, an
 * observer, a spokesperson for their RTO): a combobox over the participants by delegation, name or
 * RTO, and the kind of request.
 */
export function AddSpeaker() {
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  const room = useRoomPort();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Participant | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<FloorKind>('speak');
  const [done, setDone] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const options = chosen ? [] : searchParticipants(meeting, query);
  const expanded = open && options.length > 0;
  // A spokesperson's delegation is their RTO: said once ("CITEL", not "CITEL · CITEL").
  const label = (p: Participant) =>
    [p.delegation, personalName(p.name), p.rto === p.delegation ? null : p.rto].filter(Boolean).join(' · ');
  const choose = (p: Participant) => {
    setChosen(p);
    setQuery(label(p));
    setOpen(false);
  };
  return (
    <form
      className="add-speaker"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!chosen) return;
        const ack = await room.send({ type: 'floor.request', kind, participantId: chosen.id });
        if (!ack.ok) return;
        setDone(t('floorUi.added', { delegation: chosen.delegation }));
        setChosen(null);
        setQuery('');
        input.current?.focus();
      }}
    >
      <fieldset>
        <legend>{t('floorUi.addHeading')}</legend>
        <div className="combobox">
          <label>
            {t('floorUi.addSearch')}
            <input
              ref={input}
              role="combobox"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
              autoComplete="off"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setChosen(null);
                setActive(0);
                setOpen(true);
                setDone('');
              }}
              onKeyDown={(e) => {
                if (!expanded) return;
                if (e.key === 'ArrowDown') setActive((i) => (i + 1) % options.length);
                else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + options.length) % options.length);
                else if (e.key === 'Enter') choose(options[active] ?? options[0]!);
                else if (e.key === 'Escape') setOpen(false);
                else return;
                e.preventDefault();
              }}
            />
          </label>
          <div id={listId} role="listbox" className="combobox-options" hidden={!expanded}>
            {options.map((p, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys
              <div
                key={p.id}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(p)}
              >
                {label(p)}
              </div>
            ))}
          </div>
          {open && query.trim() && !chosen && options.length === 0 && (
            <p className="hint">{t('floorUi.noMatch')}</p>
          )}
        </div>
        <label>
          {t('floorUi.addKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as FloorKind)}>
            {FLOOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!chosen}>
          {t('floorUi.addSubmit')}
        </button>
      </fieldset>
      <p className="sr-only" role="status">
        {done}
      </p>
    </form>
  );
}
