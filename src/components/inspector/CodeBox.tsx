import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { nextFocusSession } from './focusSession.ts';
import { problemLines, type LineProblem } from './jsonLines.ts';
import type { InputResult } from './parseInput.ts';

const LINE_PX = 20;
const MAX_ROWS = 22;
/** Long lines wrap (a long string breaks anywhere) in the textarea and in the copy that places the line numbers alike. */
const WRAP = 'whitespace-pre-wrap [overflow-wrap:anywhere]';

/**
 * A JSON document edited as code (loaded lazily with jsonc-parser): line numbers, long lines wrapped, a marker at the line of each
 * problem (the state and field its path names), and the problems listed under it; clicking one puts the cursor
 * on its line. Like TextBox, a valid text is committed at once and an invalid one stays in the box.
 */
export default function CodeBox(props: {
  id: string;
  testId: string;
  value: string;
  parse: (text: string) => InputResult;
  commit: (value: unknown, focusSession: number) => void;
  onError: (error: string | null) => void;
  /** Problems of the committed value, paths relative to the document's root. */
  problems: readonly { path: string; message: string }[];
}) {
  const { id, testId, value, parse, commit, onError, problems } = props;
  const [text, setText] = useState(value);
  const [scrollTop, setScrollTop] = useState(0);
  const editing = useRef(false);
  const last = useRef(value);
  const session = useRef(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const rows = useRef<HTMLDivElement>(null);
  // The width lines wrap at: the textarea's, less its scroll bar and padding.
  const [textWidth, setTextWidth] = useState(0);
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const measure = () => setTextWidth(Math.max(0, el.clientWidth - 16));
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [text]);

  useEffect(() => {
    if (value === last.current) return;
    last.current = value;
    if (!editing.current) {
      setText(value);
      onError(null);
    }
  }, [value, onError]);

  const lines = useMemo(() => problemLines(text, problems), [text, problems]);
  const byLine = useMemo(() => {
    const m = new Map<number, LineProblem[]>();
    for (const p of lines) m.set(p.line, [...(m.get(p.line) ?? []), p]);
    return m;
  }, [lines]);
  const lineCount = text.split('\n').length;

  const onChange = (t: string) => {
    setText(t);
    const r = parse(t);
    if (r.ok) {
      onError(null);
      commit(r.value, session.current);
    } else onError(r.error);
  };

  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const starts = text.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(starts, starts + (text.split('\n')[line - 1]?.length ?? 0));
    // After the browser has scrolled the selection into view its own way: show the line with two above it.
    requestAnimationFrame(() => {
      const row = rows.current?.children[line - 1] as HTMLElement | undefined;
      el.scrollTop = Math.max(0, (row?.offsetTop ?? (line - 1) * LINE_PX) - 2 * LINE_PX);
    });
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className={`relative flex overflow-hidden rounded-md border bg-white font-mono text-xs dark:bg-slate-950 ${lines.length > 0 ? 'border-red-400 dark:border-red-600' : 'border-slate-300 dark:border-slate-600'}`}>
        <div className="absolute inset-y-0 left-0 w-11 border-r border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900" aria-hidden />
        {/* Line numbers beside an invisible copy of each line, wrapped as the textarea wraps it, so a long line's number sits at its first row. */}
        <div className="pointer-events-none absolute inset-0 overflow-hidden text-right text-slate-400 select-none" aria-hidden>
          <div ref={rows} style={{ transform: `translateY(${-scrollTop}px)` }} className="py-1.5">
            {text.split('\n').map((line, i) => {
              const marked = byLine.get(i + 1);
              return (
                <div key={i} className="flex" style={{ lineHeight: `${LINE_PX}px` }}>
                  <div
                    className={`w-11 shrink-0 pr-1.5 ${marked ? 'bg-red-100 font-semibold text-red-700 dark:bg-red-900/60 dark:text-red-200' : ''}`}
                    title={marked?.map((p) => p.message).join('\n')}
                    data-testid={marked ? `${testId}-marker-${i + 1}` : undefined}
                  >
                    {marked ? '● ' : ''}
                    {i + 1}
                  </div>
                  <div style={{ width: textWidth }} className={`invisible shrink-0 px-2 text-left ${WRAP}`}>
                    {line || ' '}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        <textarea
          ref={area}
          id={id}
          data-testid={testId}
          value={text}
          spellCheck={false}
          wrap="soft"
          rows={Math.min(MAX_ROWS, Math.max(6, lineCount))}
          aria-invalid={lines.length > 0}
          style={{ lineHeight: `${LINE_PX}px` }}
          className={`relative ml-11 min-w-0 flex-1 resize-y bg-transparent px-2 py-1.5 text-slate-900 outline-none dark:text-slate-100 ${WRAP}`}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onFocus={() => {
            editing.current = true;
            session.current = nextFocusSession();
          }}
          onBlur={() => {
            editing.current = false;
            if (parse(text).ok) setText(last.current);
          }}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {lines.length > 0 && (
        <ul className="flex flex-col gap-0.5 text-xs" data-testid={`${testId}-problems`}>
          {lines.map((p, i) => (
            <li key={i}>
              <button type="button" onClick={() => goTo(p.line)} className="text-left text-red-700 hover:underline dark:text-red-300">
                <span className="font-semibold">Line {p.line}</span>
                {p.path ? <span className="font-mono"> {p.path}</span> : null}: {p.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
