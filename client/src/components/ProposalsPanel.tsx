import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, PROPOSAL_STATUSES, type Proposal, type ProposalStatus } from '../../../shared';
import { useRoom, useRoomPort } from '../room/RoomContext';
import type { RoomPort } from '../room/roomClient';
import { iCan, participantOf } from '../room/selectors';
import { ProposalConsensusLine } from './consensus/ProposalConsensusLine';
import { LockIcon } from './editor/Icons';
import { isolatedIn, SLOT_VALUE } from './Isolated';
import { useFocusAfterRender } from './useFocusAfterRender';

/**
 * The meeting's proposals (consensus texts): open one to co-edit it; anyone but an observer submits
 * a new one; the presiding officer and the secretariat set statuses and lock agreed texts.
 */
export function ProposalsPanel({ onOpen }: { onOpen: (proposalId: string) => void }) {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting!;
  const [adding, setAdding] = useState(false);
  const canCreate = iCan(state, 'proposal.create');
  const opener = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  return (
    <section className="panel proposals" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">{t('proposals.heading')}</h2>
      {meeting.proposals.length === 0 ? (
        <p className="muted">{t('proposals.empty')}</p>
      ) : (
        <ul className="proposal-list">
          {meeting.proposals.map((p) => (
            <ProposalRow key={p.id} proposal={p} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {canCreate &&
        (adding ? (
          <ProposalForm
            onDone={(id) => {
              setAdding(false);
              // The new text opens (and takes the focus); cancelled, back to the button that asked.
              if (id) onOpen(id);
              else focusAfterRender(() => opener.current);
            }}
          />
        ) : (
          <button ref={opener} type="button" onClick={() => setAdding(true)}>
            {t('proposals.new')}
          </button>
        ))}
    </section>
  );
}

function ProposalRow({ proposal, onOpen }: { proposal: Proposal; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  const item = meeting.agenda.find((i) => i.id === proposal.itemId);
  const author = participantOf(meeting, proposal.createdBy);
  return (
    <li className="proposal" data-testid="proposal">
      <div className="proposal-line">
        <bdi className="proposal-symbol">{proposal.symbol}</bdi>
        {proposal.kind === 'chair-summary' && (
          <span className="pill proposal-chair-summary" data-testid="chair-summary-badge">
            {t('record.summaryBadge')}
          </span>
        )}
        <span className={`pill proposal-${proposal.status}`}>{t(`proposalStatus.${proposal.status}`)}</span>
        {proposal.locked && (
          <span className="pill proposal-locked">
            <LockIcon /> {t('proposals.locked')}
          </span>
        )}
      </div>
      <p className="proposal-title" dir="auto">
        {proposal.title}
      </p>
      <p className="muted small">
        {isolatedIn(t('proposals.submitted', { by: SLOT_VALUE }), proposal.submittedBy)}
        {item && ` · ${t('proposals.itemShown', { number: item.number })}`}
        {author && (
          <>
            {' · '}
            {isolatedIn(t('proposals.createdBy', { name: SLOT_VALUE }), author.name)}
          </>
        )}
      </p>
      <ProposalConsensusLine proposal={proposal} />
      <div className="button-row">
        <button
          type="button"
          className="primary"
          aria-label={t('proposals.openLabel', { symbol: proposal.symbol })}
          onClick={() => onOpen(proposal.id)}
        >
          {t('proposals.open')}
        </button>
      </div>
      <ProposalControls proposal={proposal} />
    </li>
  );
}

/** Status and lock of a proposal, for the presiding officer and the secretariat; nothing for others. */
export function ProposalControls({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const setStatus = iCan(state, 'proposal.setStatus');
  const lock = iCan(state, proposal.locked ? 'proposal.unlock' : 'proposal.lock');
  if (!setStatus && !lock) return null;
  const symbol = proposal.symbol;
  return (
    <fieldset className="inline-form bare" aria-label={t('proposals.manage', { symbol })}>
      {setStatus && (
        <label>
          {t('proposals.status')}
          <select
            aria-label={t('proposals.statusOf', { symbol })}
            value={proposal.status}
            onChange={(e) =>
              void room.send({
                type: 'proposal.setStatus',
                proposalId: proposal.id,
                status: e.target.value as ProposalStatus,
              })
            }
          >
            {PROPOSAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`proposalStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {lock && (
        <button
          type="button"
          aria-label={t(proposal.locked ? 'proposals.unlockLabel' : 'proposals.lockLabel', { symbol })}
          onClick={() =>
            void room.send({
              type: proposal.locked ? 'proposal.unlock' : 'proposal.lock',
              proposalId: proposal.id,
            })
          }
        >
          {t(proposal.locked ? 'proposals.unlock' : 'proposals.lock')}
        </button>
      )}
    </fieldset>
  );
}

function ProposalForm({ onDone }: { onDone: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const me = participantOf(meeting, state.you?.participantId);
  const [symbol, setSymbol] = useState('');
  const [title, setTitle] = useState('');
  const [submittedBy, setSubmittedBy] = useState(me?.delegation ?? '');
  const [itemId, setItemId] = useState(meeting.currentItemId ?? '');
  const [baseText, setBaseText] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      className="stack-form"
      aria-label={t('proposals.new')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onDone();
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        const before = new Set(room.getState().meeting?.proposals.map((p) => p.id));
        const ack = await room.send({
          type: 'proposal.create',
          symbol: symbol.trim(),
          title: title.trim(),
          submittedBy: submittedBy.trim(),
          ...(itemId ? { itemId } : {}),
          ...(baseText.trim() ? { baseText } : {}),
        });
        if (!ack.ok) return;
        // The new proposal is the one that was not there before; its event is broadcast just after the ack.
        onDone(await waitForNew(room, before));
      }}
    >
      <div className="form-grid">
        <label>
          {t('proposals.symbol')}
          <input
            ref={first}
            value={symbol}
            onChange={(e) => setSymbol(e.target.value)}
            placeholder={t('proposals.symbolHint')}
            required
            maxLength={60}
            size={14}
          />
        </label>
        <label className="wide">
          {t('proposals.title')}
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={LIMITS.shortText}
          />
        </label>
      </div>
      <div className="form-grid">
        <label className="wide">
          {t('proposals.submittedBy')}
          <input
            value={submittedBy}
            onChange={(e) => setSubmittedBy(e.target.value)}
            required
            maxLength={LIMITS.shortText}
          />
        </label>
        <label className="wide">
          {t('proposals.item')}
          <select value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">{t('proposals.noItem')}</option>
            {meeting.agenda.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number} {i.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('proposals.baseText')}
        <textarea
          value={baseText}
          onChange={(e) => setBaseText(e.target.value)}
          rows={5}
          maxLength={LIMITS.baseText}
          aria-describedby="base-text-hint"
          dir="auto"
        />
      </label>
      <p id="base-text-hint" className="muted small">
        {t('proposals.baseTextHint')}
      </p>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('proposals.create')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('proposals.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The id of a proposal that appears in the meeting and is not in `known`, or undefined after 3 s. */
function waitForNew(room: RoomPort, known: Set<string>): Promise<string | undefined> {
  const find = () => room.getState().meeting?.proposals.find((p) => !known.has(p.id))?.id;
  return new Promise((resolve) => {
    const now = find();
    if (now) return resolve(now);
    const timer = setTimeout(() => done(undefined), 3_000);
    const stop = room.subscribe(() => {
      const id = find();
      if (id) done(id);
    });
    function done(id: string | undefined) {
      clearTimeout(timer);
      stop();
      resolve(id);
    }
  });
}
