import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusCheck, Meeting } from '../../../../shared';
import { isolate } from '../../collab/bidi';
import { secondsLeftOf } from './checks';
import { symbolOf, useCheckWords } from './words';

/** Announced once, when the countdown of a check reaches it. */
const WARN_AT_SECONDS = 10;

/**
 * What the live region says of the check in the room: its start, each objection made or withdrawn,
 * the last ten seconds and the result; never the seconds as they tick. Nothing for the state the
 * page joined in (as the floor's announcer).
 */
export function useCheckAnnouncements(
  meeting: Meeting,
  open: ConsensusCheck | undefined,
  now: number,
): string {
  const { t } = useTranslation();
  const words = useCheckWords();
  const [message, setMessage] = useState('');
  const seen = useRef<{ id: string; delegations: Set<string>; warned: boolean } | null | undefined>(
    undefined,
  );
  // `now` is this render's (useServerNow reads the clock again when the banner speeds up as a check
  // opens), and the count is capped at the window: a new check is announced with what it has left.
  const left = open ? secondsLeftOf(open, now) : null;

  useEffect(() => {
    const before = seen.current;
    const say = (text: string) => setMessage(text);
    if (!open) {
      seen.current = null;
      if (!before) return;
      const ended = meeting.consensus.checks.find((c) => c.id === before.id);
      if (!ended?.result) return;
      const symbol = isolate(symbolOf(meeting, ended.proposalId));
      say(
        ended.result.outcome === 'agreed'
          ? t('consensus.announce.agreed', { symbol, paragraphs: words.paragraphs(ended.paragraphNumbers) })
          : t('consensus.announce.notAgreed', {
              symbol,
              delegations: words.list(ended.result.objections.map((o) => isolate(o.delegation))),
            }),
      );
      return;
    }
    const delegations = new Set(open.objections.map((o) => o.delegation));
    const current = { id: open.id, delegations, warned: before?.id === open.id ? before.warned : false };
    seen.current = current;
    // The page opened on a check already running: tell nothing of the past, only what follows.
    if (before === undefined) {
      current.warned = (left ?? 0) <= WARN_AT_SECONDS;
      return;
    }
    if (before?.id !== open.id) {
      say(
        t('consensus.announce.asked', {
          symbol: isolate(symbolOf(meeting, open.proposalId)),
          paragraphs: words.paragraphs(open.paragraphNumbers),
          seconds: left ?? 0,
        }),
      );
      current.warned = (left ?? 0) <= WARN_AT_SECONDS;
      return;
    }
    const added = [...delegations].filter((d) => !before.delegations.has(d));
    const gone = [...before.delegations].filter((d) => !delegations.has(d));
    if (added.length > 0)
      say(t('consensus.announce.objected', { delegations: words.list(added.map(isolate)) }));
    else if (gone.length > 0)
      say(t('consensus.announce.withdrawn', { delegations: words.list(gone.map(isolate)) }));
    else if (!current.warned && left !== null && left <= WARN_AT_SECONDS && left > 0) {
      current.warned = true;
      say(t('consensus.announce.secondsLeft', { seconds: WARN_AT_SECONDS }));
    }
  }, [meeting, open, left, t, words]);

  return message;
}
