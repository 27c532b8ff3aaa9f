import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConsensusCheck,
  type Meeting,
  openChecks,
  type ParagraphFacts,
  type ProposalId,
  paragraphStatus,
} from '../../../../shared';
import { useCheckWords } from './words';

/** Why a paragraph cannot be in a new check, or null when it can. */
function unavailable(
  meeting: Meeting,
  proposalId: ProposalId,
  p: ParagraphFacts,
  open: readonly ConsensusCheck[] = openChecks(meeting),
): 'agreed' | 'brackets' | 'checked' | null {
  if (paragraphStatus(meeting, proposalId, p.id) === 'agreed') return 'agreed';
  if (open.some((c) => c.proposalId === proposalId && c.paragraphIds.includes(p.id))) return 'checked';
  return p.openBrackets > 0 ? 'brackets' : null;
}

/**
 * The paragraphs that can be agreed now: not agreed, without open brackets, under no open check.
 * What "every paragraph" means in the dialog, sent by id: the server's own default (every paragraph
 * not agreed yet) is refused as soon as one of them has brackets, which a draft usually has.
 */
export function askableParagraphs(
  meeting: Meeting,
  proposalId: ProposalId,
  paragraphs: readonly ParagraphFacts[],
): ParagraphFacts[] {
  const open = openChecks(meeting);
  return paragraphs.filter((p) => unavailable(meeting, proposalId, p, open) === null);
}

/**
 * Which paragraphs a check is on: every paragraph that can be agreed now (`chosen` null, the
 * default, its numbers said), or those ticked, by number with their first words. Paragraphs that
 * cannot be asked (agreed, with open brackets, under a check) are shown, not offered, with the
 * reason; "every paragraph" is not offered when none can, and says why.
 */
export function ParagraphPicker(props: {
  meeting: Meeting;
  proposalId: ProposalId;
  /** The text's paragraphs, or null while the text is not at hand. */
  paragraphs: readonly ParagraphFacts[] | null;
  chosen: ReadonlySet<string> | null;
  onChange: (chosen: Set<string> | null) => void;
}) {
  const { t } = useTranslation();
  const words = useCheckWords();
  const { meeting, proposalId, paragraphs, chosen, onChange } = props;
  const name = useId();
  const allHint = useId();
  const open = openChecks(meeting);
  const askable = paragraphs ? askableParagraphs(meeting, proposalId, paragraphs) : [];
  const allHintText = !paragraphs
    ? t('consensus.ask.textLoading')
    : askable.length === 0
      ? t('consensus.ask.noneAskable')
      : words.paragraphs(askable.map((p) => p.number));
  return (
    <fieldset className="paragraph-picker">
      <legend>{t('consensus.ask.which')}</legend>
      <div className="check-choice">
        <label className="check-option">
          <input
            type="radio"
            name={name}
            checked={chosen === null}
            disabled={askable.length === 0}
            onChange={() => onChange(null)}
            aria-describedby={allHint}
          />
          <span>{t('consensus.ask.all')}</span>
        </label>
        <span id={allHint} className="hint check-choice-hint" data-testid="askable">
          {allHintText}
        </span>
      </div>
      {paragraphs && paragraphs.length > 0 && (
        <>
          <label className="check-option">
            <input type="radio" name={name} checked={chosen !== null} onChange={() => onChange(new Set())} />
            <span>{t('consensus.ask.some')}</span>
          </label>
          {chosen !== null && (
            <ul className="paragraph-choices">
              {paragraphs.map((p) => {
                const why = unavailable(meeting, proposalId, p, open);
                return (
                  <li key={p.id}>
                    <label className="check-option">
                      <input
                        type="checkbox"
                        disabled={why !== null}
                        checked={chosen.has(p.id)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.target.checked) next.add(p.id);
                          else next.delete(p.id);
                          onChange(next);
                        }}
                      />
                      <span>
                        {t('consensus.paragraph', { number: p.number })}{' '}
                        <span className="muted" dir="auto">
                          {p.excerpt}
                        </span>
                        {why && (
                          <span className="pill check-unavailable">
                            {t(`consensus.ask.unavailable.${why}`)}
                          </span>
                        )}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}
