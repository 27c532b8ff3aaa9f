/** Room kept above the followed row for its outline (`.is-followed`'s 3 px ring), in px. */
const RING_PX = 8;

/** Where things are, in px, as the browser measures them (viewport coordinates for the tops). */
interface Layout {
  /** The text panel's scroll position, its top on the screen and its visible height. */
  scrollTop: number;
  panelTop: number;
  panelHeight: number;
  /** The top of the paragraph's row (its margin number or its text, whichever is higher). */
  rowTop: number;
  rowHeight: number;
  /** One line of the text and the gap between paragraphs: what shows of the paragraph before. */
  line: number;
}

/**
 * The scroll position that puts a paragraph's start just below the top of the text panel (never
 * its middle: a paragraph taller than the panel would lose its first lines, with its number and
 * status). When the paragraph and one line more fit, the last line of the paragraph before is left
 * showing above it, whole, which tells the room where they are in the text.
 */
export function paragraphScrollTop(l: Layout): number {
  const fits = l.rowHeight + l.line + RING_PX <= l.panelHeight;
  const above = fits ? l.line : RING_PX;
  return Math.max(0, Math.round(l.scrollTop + (l.rowTop - l.panelTop) - above));
}

/**
 * Scrolls the text panel (`.projector-scroll`) so that `block`, a top-level block of the shown
 * text, starts just below the panel's top ({@link paragraphScrollTop}). Only the panel scrolls: the
 * page around it (the title, the countdown, the speakers) never moves.
 */
export function scrollToParagraph(block: HTMLElement, behavior: ScrollBehavior): void {
  const panel = block.closest<HTMLElement>('.projector-scroll');
  if (!panel) return;
  const blockBox = block.getBoundingClientRect();
  // The margin (number and status) is the widget just before the block, in the same grid row.
  const margin = block.previousElementSibling;
  const marginBox = margin?.classList.contains('projector-margin')
    ? margin.getBoundingClientRect()
    : blockBox;
  const rowTop = Math.min(blockBox.top, marginBox.top);
  const px = (value: string | undefined) => {
    const n = Number.parseFloat(value ?? '');
    return Number.isFinite(n) ? n : 0;
  };
  const gap = block.parentElement ? px(getComputedStyle(block.parentElement).rowGap) : 0;
  const top = paragraphScrollTop({
    scrollTop: panel.scrollTop,
    panelTop: panel.getBoundingClientRect().top,
    panelHeight: panel.clientHeight,
    rowTop,
    rowHeight: Math.max(blockBox.bottom, marginBox.bottom) - rowTop,
    line: px(getComputedStyle(block).lineHeight) + gap,
  });
  panel.scrollTo?.({ top, behavior });
}
