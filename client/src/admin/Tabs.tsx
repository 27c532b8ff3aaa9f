import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

/** One tab: its label and what its panel shows. */
interface Tab {
  id: string;
  label: string;
  panel: () => ReactNode;
}

interface TabsProps {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: Tab[];
  /** Prefix of the tabs' and panels' ids. */
  idPrefix: string;
}

/**
 * The ARIA tabs pattern: one tab in the page's tab order (the selected one), arrow keys move between
 * tabs and select them (mirrored right to left, as the tabs are laid out), Home and End go to the
 * first and last. A panel is built the first time its tab is selected and then kept (hidden), so
 * moving back and forth keeps what was typed in it.
 */
export function Tabs({ label, tabs, idPrefix }: TabsProps) {
  const [selected, setSelected] = useState(tabs[0]?.id ?? '');
  const [shown, setShown] = useState<Set<string>>(() => new Set([selected]));
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string, focus: boolean) => {
    setSelected(id);
    setShown((s) => (s.has(id) ? s : new Set([...s, id])));
    if (focus) buttons.current.get(id)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    // The tabs are laid out in the page's direction: right to left, the next one is on the left.
    const rtl = e.currentTarget.closest('[dir]')?.getAttribute('dir') === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let next: number | null = null;
    if (step !== undefined) next = (index + step + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    select(tab.id, true);
  };

  return (
    <div className="admin-tabs">
      <div role="tablist" aria-label={label} className="admin-tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) buttons.current.set(tab.id, el);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => select(tab.id, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.id}`}
          aria-labelledby={`${idPrefix}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          className="admin-tabpanel"
        >
          {shown.has(tab.id) ? tab.panel() : null}
        </div>
      ))}
    </div>
  );
}
