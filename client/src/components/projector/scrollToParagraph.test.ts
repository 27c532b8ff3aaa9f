import { describe, expect, it } from 'vitest';
import { paragraphScrollTop } from './scrollToParagraph';

/** A 500 px panel whose top is at 200 px on the screen, lines of 58 px (40 px text, gap included). */
const PANEL = { panelTop: 200, panelHeight: 500, line: 58 };

describe('where the text panel scrolls to follow a paragraph', () => {
  it.each([
    // Below the panel, fits with a line more: its start a line below the panel's top.
    { scrollTop: 0, rowTop: 900, rowHeight: 300, expected: 900 - 200 - 58 },
    // Above (the panel was scrolled past it): back up to it, the same way.
    { scrollTop: 1500, rowTop: 100, rowHeight: 300, expected: 1500 - 100 - 58 },
    // Taller than the panel: its start (number, status) just below the top, 8 px for the outline.
    { scrollTop: 0, rowTop: 900, rowHeight: 800, expected: 900 - 200 - 8 },
    // Fits, but not with a line more: the outline's room only.
    { scrollTop: 0, rowTop: 900, rowHeight: 450, expected: 900 - 200 - 8 },
    // The first paragraph: never above the text's start.
    { scrollTop: 0, rowTop: 230, rowHeight: 100, expected: 0 },
  ])('scrollTop $scrollTop, row at $rowTop ($rowHeight px high) → $expected', (row) => {
    const { expected, ...at } = row;
    expect(paragraphScrollTop({ ...PANEL, ...at })).toBe(expected);
  });
});
