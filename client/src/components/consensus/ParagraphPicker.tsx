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
 * Which paragraphs a check is on: every paragraph not agreed yet (the default, as the server takes
 * it), or those ticked, by number with their first words. Paragraphs that cannot be asked (agreed,
 * with open brackets, under a check) are shown, not offered, with the reason.
 */
export function ParagraphPicker(props: {
  meeting: Meeting;
  proposalId: ProposalId;
  /** The text's paragraphs, or null while the text is not at hand (then only "all"). */
  paragraphs: readonly ParagraphFacts[] | null;
  chosen: ReadonlySet<string> | null;
  onChange: (chosen: Set<string> | null) => void;
}) {
  const { t } = useTranslation();
  const { meeting, proposalId, paragraphs, chosen, onChange } = props;
  const name = useId();
  const open = openChecks(meeting);
  return (
    <fieldset className="paragraph-picker">
      <legend>{t('consensus.ask.which')}</legend>
      <label className="check-option">
        <input type="radio" name={name} checked={chosen === null} onChange={() => onChange(null)} />
        {t('consensus.ask.all')}
      </label>
      {paragraphs && paragraphs.length > 0 && (
        <>
          <label className="check-option">
            <input type="radio" name={name} checked={chosen !== null} onChange={() => onChange(new Set())} />
            {t('consensus.ask.some')}
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
