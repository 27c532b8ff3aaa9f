import { Mark, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bracket: {
      /** Puts the selection in square brackets, or takes them away when it already is. */
      toggleBracket: () => ReturnType;
    };
  }
}

/**
 * Square brackets: text not yet agreed. A mark (not literal "[" "]" characters) so that brackets
 * can be counted, listed and removed as one action, and survive concurrent edits inside them.
 * Rendered as `<span class="bracket" data-bracket>`; the brackets themselves are drawn by CSS.
 */
export const Bracket = Mark.create({
  name: 'bracket',
  // Typing right after a closing bracket should not silently grow the bracketed text.
  inclusive: false,

  parseHTML() {
    return [{ tag: 'span[data-bracket]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'bracket', 'data-bracket': '' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      toggleBracket:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Shift-b': () => this.editor.commands.toggleBracket() };
  },
});
