import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_RULES } from '../../../../shared';
import { useCollabStatus, useDocConnection } from '../../collab/hooks';
import { editorUser } from '../../collab/identity';
import { readOnlyReason } from '../../collab/readOnly';
import { versionsApi } from '../../collab/versions';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { iCan, me } from '../../room/selectors';
import { ConsensusMenu } from '../consensus/ConsensusMenu';
import { RevisionsPanel } from '../consensus/RevisionsPanel';
import { SilencePanel } from '../consensus/SilencePanel';
import { ProposalControls } from '../ProposalsPanel';
import { LockIcon } from './Icons';
import { LiveEditor } from './LiveEditor';

/**
 * On the status that took the focus from a text just locked, a delegate may still be typing: a
 * space would scroll the page away from the text, so it does nothing here.
 */
function keepKeystrokes(e: ReactKeyboardEvent<HTMLElement>) {
  if (e.key === ' ' || e.key === 'Spacebar') e.preventDefault();
}

/**
 * An open proposal, full width above the room: its heading, status and lock, a banner when it can
 * only be read, and the live editor once the text has arrived. Escape or "Close" leaves it; the
 * caller puts the focus back where it was.
 */
export function ProposalEditor({ proposalId, onClose }: { proposalId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const proposal = meeting.proposals.find((p) => p.id === proposalId);
  const connection = useDocConnection(proposalId);
  const status = useCollabStatus(connection);
  // Refused for good (the provider stopped): the editor turns read-only and says why.
  const refused = status === 'refused' || status === 'overLimit' || status === 'replaced';
  const ref = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const explanation = useRef<HTMLParagraphElement>(null);
  const user = useMemo(
    () => editorUser(meeting, state.you?.participantId),
    [meeting, state.you?.participantId],
  );
  const versions = useMemo(
    () => (room.token ? versionsApi(proposalId, room.token) : null),
    [proposalId, room.token],
  );

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  if (!proposal) return null;
  const reason = readOnlyReason(meeting, proposal, me(state));
  return (
    <section
      ref={ref}
      className="panel proposal-editor"
      aria-labelledby="proposal-heading"
      data-testid="proposal-editor"
    >
      <div className="proposal-editor-head">
        <h2 id="proposal-heading" ref={heading} tabIndex={-1}>
          <span className="proposal-symbol">{proposal.symbol}</span> <span dir="auto">{proposal.title}</span>
        </h2>
        <span className={`pill proposal-${proposal.status}`}>{t(`proposalStatus.${proposal.status}`)}</span>
        <button type="button" className="close-button" onClick={onClose}>
          {t('editor.close')}
        </button>
      </div>
      <ProposalControls proposal={proposal} />
      <ConsensusMenu proposal={proposal} doc={connection?.everSynced() ? connection.doc : null} />
      {reason && (
        <p
          ref={explanation}
          className={`read-only-banner reason-${reason}`}
          role="status"
          data-testid="read-only-banner"
          tabIndex={-1}
          onKeyDown={keepKeystrokes}
        >
          <LockIcon /> {t(`editor.readOnly.${reason}`)}
        </p>
      )}
      {status === 'offline' && (
        <p className="connection-banner" role="status">
          {t('editor.offline')}
        </p>
      )}
      {refused && (
        <p
          ref={reason ? undefined : explanation}
          className="error"
          role="alert"
          tabIndex={-1}
          onKeyDown={keepKeystrokes}
        >
          {t(
            status === 'overLimit'
              ? 'editor.overLimit'
              : status === 'replaced'
                ? 'editor.replaced'
                : 'editor.refused',
          )}
        </p>
      )}
      {connection?.everSynced() ? (
        <LiveEditor
          key={proposalId}
          connection={connection}
          proposal={proposal}
          readOnly={reason !== null || refused}
          user={user}
          versions={versions}
          canSaveVersions={!!user && iCan(state, TEXT_RULES[proposal.kind].saveVersion)}
          onLockedUnderCursor={() => explanation.current?.focus({ preventScroll: true })}
        />
      ) : (
        !refused && (
          <p className="muted" role="status">
            {t('editor.connecting')}
          </p>
        )
      )}
      <SilencePanel proposalId={proposal.id} />
      <RevisionsPanel proposal={proposal} api={versions} />
    </section>
  );
}
