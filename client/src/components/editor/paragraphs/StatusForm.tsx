import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, PARAGRAPH_STATUSES, type ParagraphStatus, type ProposalId } from '../../../../../shared';
import { useRoom, useRoomPort } from '../../../room/RoomContext';
import { iPreside } from '../../../room/selectors';
import { useFocusKept } from '../../consensus/useFocusWithin';
import { isolatedIn, SLOT_VALUE } from '../../Isolated';
import type { ParagraphConsensus, TextParagraph } from './model';

/** At most this many delegations agree ad referendum at once (the command's bound). */
const MAX_DELEGATIONS = 20;

/** What a paragraph's status is now, as one string: its status and delegations (in their order). */
const settingOf = (c: ParagraphConsensus): string => JSON.stringify([c.status, c.record?.delegations ?? []]);

/** What is wrong with the delegations picked: none, or one typed that is not of the meeting. */
type Problem = { kind: 'missing' } | { kind: 'unknown'; name: string } | null;

/**
 * Sets a paragraph's status: open, agreed ad referendum (with the delegations, picked among the
 * meeting's: the server refuses any other) or agreed. Reopening an agreed paragraph is the presiding officer's alone, so
 * the secretariat sees the choice but cannot make it; under a check, the check decides.
 */
export function StatusForm(props: {
  proposalId: ProposalId;
  paragraph: TextParagraph;
  consensus: ParagraphConsensus;
}) {
  const { proposalId, paragraph, consensus: c } = props;
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const id = useId();
  const [status, setStatus] = useState<ParagraphStatus>(c.status);
  const [delegations, setDelegations] = useState<string[]>(c.record?.delegations ?? []);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  // A status set while the form is open (by someone else, or by this form) starts the choice again
  // from it. In this render, not with a remount (a key): the control being used keeps the focus.
  const setting = settingOf(c);
  const [shown, setShown] = useState(setting);
  if (shown !== setting) {
    setShown(setting);
    setStatus(c.status);
    setDelegations(c.record?.delegations ?? []);
    setProblem(null);
  }
  const form = useRef<HTMLFormElement>(null);
  const lockedNote = useRef<HTMLParagraphElement>(null);
  const known = useMemo(
    () =>
      [
        ...new Set(
          meeting.participants
            .filter((p) => p.role !== 'secretariat' && p.role !== 'observer')
            .map((p) => p.delegation.trim())
            .filter(Boolean),
        ),
      ].sort((a, b) => a.localeCompare(b)),
    [meeting.participants],
  );
  const number = paragraph.number;
  const locked = c.status === 'agreed' && !iPreside(state);
  // The control under the focus gone (the delegations once the status is no longer ad referendum)
  // or disabled (the whole form, once agreed for who may not reopen): the focus stays in the form.
  useFocusKept(
    form,
    () => (locked ? lockedNote.current : form.current?.querySelector<HTMLElement>('input:checked')),
    `${setting}|${locked}`,
  );

  if (c.check) return <p className="muted small">{t('paragraphs.actions.checkDecides')}</p>;

  const add = () => {
    const typedName = typed.trim().slice(0, LIMITS.shortText);
    if (!typedName) return;
    // Spelled as the meeting spells it, whatever the case typed; any other name would be refused.
    const name = known.find((d) => d.localeCompare(typedName, undefined, { sensitivity: 'accent' }) === 0);
    if (!name) {
      setProblem({ kind: 'unknown', name: typedName });
      return;
    }
    setDelegations((list) =>
      list.includes(name) || list.length >= MAX_DELEGATIONS ? list : [...list, name],
    );
    setTyped('');
    setProblem(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (status === 'ad-referendum' && delegations.length === 0) {
      setProblem({ kind: 'missing' });
      return;
    }
    void room.send({
      type: 'paragraph.setStatus',
      proposalId,
      paragraphId: paragraph.id!,
      status,
      ...(status === 'ad-referendum' ? { delegations } : {}),
    });
  };

  return (
    <form ref={form} className="paragraph-status-form" onSubmit={submit}>
      <fieldset disabled={locked}>
        <legend>{t('paragraphs.actions.legend', { number })}</legend>
        {PARAGRAPH_STATUSES.map((s) => (
          <label key={s} className="radio">
            <input
              type="radio"
              name={`${id}-status`}
              value={s}
              checked={status === s}
              onChange={() => setStatus(s)}
            />
            {t(`paragraphs.status.${s}`)}
          </label>
        ))}
        {status === 'ad-referendum' && (
          <fieldset className="paragraph-delegations">
            <legend>{t('paragraphs.actions.delegations')}</legend>
            {delegations.length > 0 && (
              <ul className="chip-list">
                {delegations.map((d) => (
                  <li key={d}>
                    <button
                      type="button"
                      className="chip"
                      onClick={() => {
                        setDelegations((list) => list.filter((x) => x !== d));
                        document.getElementById(`${id}-delegation`)?.focus();
                      }}
                    >
                      {isolatedIn(t('paragraphs.actions.removeDelegation', { delegation: SLOT_VALUE }), d)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <label htmlFor={`${id}-delegation`}>{t('paragraphs.actions.delegation')}</label>
            <p id={`${id}-hint`} className="muted small">
              {known.length > 0 ? t('paragraphs.actions.delegationHint') : t('paragraphs.actions.noKnown')}
            </p>
            <input
              id={`${id}-delegation`}
              list={`${id}-known`}
              value={typed}
              maxLength={LIMITS.shortText}
              dir="auto"
              autoComplete="off"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem ${id}-hint` : `${id}-hint`}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds the delegation rather than sending the form half-filled.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <datalist id={`${id}-known`}>
              {known.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
            <button type="button" onClick={add} disabled={delegations.length >= MAX_DELEGATIONS}>
              {t('paragraphs.actions.addDelegation')}
            </button>
            {problem && (
              <p id={`${id}-problem`} className="error" role="alert">
                {problem.kind === 'missing'
                  ? t('paragraphs.actions.noDelegation')
                  : isolatedIn(
                      t('paragraphs.actions.unknownDelegation', { delegation: SLOT_VALUE }),
                      problem.name,
                    )}
              </p>
            )}
          </fieldset>
        )}
        <button type="submit">{t('paragraphs.actions.set')}</button>
      </fieldset>
      {locked && (
        <p ref={lockedNote} tabIndex={-1} className="muted small">
          {t('paragraphs.actions.reopenPresiding')}
        </p>
      )}
    </form>
  );
}
