import type { TextRun } from '../../../shared/collab/schema';

/** Consecutive runs that are all inside, or all outside, square brackets. */
export interface BracketGroup {
  bracketed: boolean;
  runs: TextRun[];
}

/**
 * Groups a block's runs by the bracket mark, so that one bracketed passage that changes formatting
 * midway ("[agreed **text**]") is still written with one pair of brackets.
 */
export function bracketGroups(runs: readonly TextRun[]): BracketGroup[] {
  const groups: BracketGroup[] = [];
  for (const run of runs) {
    const bracketed = run.marks.includes('bracket');
    const last = groups[groups.length - 1];
    if (last && last.bracketed === bracketed) last.runs.push(run);
    else groups.push({ bracketed, runs: [run] });
  }
  return groups;
}
