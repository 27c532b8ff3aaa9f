import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentIcon } from './Icons';
import { shortcut } from './shortcuts';

interface Tool {
  id: string;
  label: string;
  keys: string;
  glyph: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

/**
 * A button's accessible name: its label, led by the visible glyph when that glyph is something one
 * reads out ("H1", "1."), so that a speech user can say what they see (WCAG 2.5.3, axe
 * label-content-name-mismatch). Pictures (¶, •, arrows) are not words: the label alone.
 */
function toolName(glyph: ReactNode, label: string): string {
  return typeof glyph === 'string' && /[\p{L}\p{N}]/u.test(glyph) ? `${glyph} ${label}` : label;
}

/**
 * The formatting toolbar. One tab stop (WAI-ARIA toolbar pattern): arrow keys, Home and End move
 * between buttons. Every button has a name, its shortcut in `aria-keyshortcuts`, and a pressed state
 * for formats that can be on or off.
 */
export function Toolbar({
  editor,
  readOnly,
  onComment,
  controls,
}: {
  editor: Editor;
  readOnly: boolean;
  onComment: () => void;
  controls: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph') && !e.isActive('bulletList') && !e.isActive('orderedList'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      bracket: e.isActive('bracket'),
      empty: e.state.selection.empty,
    }),
  });
  const chain = () => editor.chain().focus();
  const tools: Tool[][] = [
    [
      {
        id: 'p',
        label: t('editor.paragraph'),
        keys: 'Mod-Alt-0',
        glyph: '¶',
        pressed: s.paragraph,
        run: () => chain().setParagraph().run(),
      },
      ...([1, 2, 3] as const).map((level) => ({
        id: `h${level}`,
        label: t('editor.heading', { level }),
        keys: `Mod-Alt-${level}`,
        glyph: `H${level}`,
        pressed: s[`h${level}`],
        run: () => chain().toggleHeading({ level }).run(),
      })),
    ],
    [
      {
        id: 'b',
        label: t('editor.bold'),
        keys: 'Mod-b',
        glyph: <b>B</b>,
        pressed: s.bold,
        run: () => chain().toggleBold().run(),
      },
      {
        id: 'i',
        label: t('editor.italic'),
        keys: 'Mod-i',
        glyph: <i>I</i>,
        pressed: s.italic,
        run: () => chain().toggleItalic().run(),
      },
      {
        id: 'u',
        label: t('editor.underline'),
        keys: 'Mod-u',
        glyph: <u>U</u>,
        pressed: s.underline,
        run: () => chain().toggleUnderline().run(),
      },
    ],
    [
      {
        id: 'ul',
        label: t('editor.bulletList'),
        keys: 'Mod-Shift-8',
        glyph: '•',
        pressed: s.bullet,
        run: () => chain().toggleBulletList().run(),
      },
      {
        id: 'ol',
        label: t('editor.orderedList'),
        keys: 'Mod-Shift-7',
        glyph: '1.',
        pressed: s.ordered,
        run: () => chain().toggleOrderedList().run(),
      },
    ],
    [
      {
        id: 'br',
        label: t('editor.brackets'),
        keys: 'Mod-Shift-b',
        glyph: '[ ]',
        pressed: s.bracket,
        run: () => chain().toggleBracket().run(),
      },
      {
        id: 'c',
        label: t('editor.comment'),
        keys: 'Mod-Alt-m',
        glyph: <CommentIcon />,
        disabled: s.empty,
        run: onComment,
      },
    ],
    [
      { id: 'undo', label: t('editor.undo'), keys: 'Mod-z', glyph: '↶', run: () => chain().undo().run() },
      {
        id: 'redo',
        label: t('editor.redo'),
        keys: 'Mod-Shift-z',
        glyph: '↷',
        run: () => chain().redo().run(),
      },
    ],
  ];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    // In a right-to-left page the arrows follow the reading direction.
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let next: number | undefined;
    if (step) next = (at + step + buttons.length) % buttons.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = buttons.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    for (const b of buttons) b.tabIndex = -1;
    buttons[next]!.tabIndex = 0;
    buttons[next]!.focus();
  };

  let first = true;
  return (
    <div
      ref={ref}
      className="editor-toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar')}
      aria-controls={controls}
      onKeyDown={onKeyDown}
    >
      {tools.map((group) => (
        <div key={group[0]!.id} className="tool-group">
          {group.map((tool) => {
            const keys = shortcut(tool.keys);
            const name = toolName(tool.glyph, tool.label);
            const disabled = readOnly || tool.disabled;
            const tabIndex = first && !disabled ? 0 : -1;
            if (tabIndex === 0) first = false;
            return (
              <button
                key={tool.id}
                type="button"
                className="tool"
                aria-label={name}
                aria-keyshortcuts={keys.aria}
                title={`${name} (${keys.label})`}
                {...(tool.pressed !== undefined ? { 'aria-pressed': tool.pressed } : {})}
                disabled={disabled}
                tabIndex={tabIndex}
                // Keep the text's selection: the button acts on it.
                onMouseDown={(e) => e.preventDefault()}
                onClick={tool.run}
              >
                <span aria-hidden="true">{tool.glyph}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
