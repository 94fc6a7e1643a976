import { useEffect, useRef, useState } from 'react';
import { nextFocusSession } from './focusSession.ts';
import { inputClass, inputTone } from './inputStyle.ts';
import type { InputResult } from './parseInput.ts';


/**
 * A text box that validates as the user types: a valid value is committed at once, an invalid one stays in
 * the box with its message and never reaches the document. When the value changes from outside (undo, a
 * fix), the box shows it unless the user is mid-edit with an error.
 */
export function TextBox(props: {
  id: string;
  testId: string;
  value: string;
  placeholder?: string;
  parse: (text: string) => InputResult;
  /** `focusSession` identifies this focus of the box (see nextFocusSession). */
  commit: (value: unknown, focusSession: number) => void;
  onError: (error: string | null) => void;
  multiline?: boolean;
  inputMode?: 'decimal' | 'text';
  ariaInvalid: boolean;
}) {
  const { id, testId, value, placeholder, parse, commit, onError, multiline, inputMode, ariaInvalid } = props;
  const [text, setText] = useState(value);
  const editing = useRef(false);
  const last = useRef(value);
  const session = useRef(0);

  useEffect(() => {
    if (value === last.current) return;
    last.current = value;
    if (!editing.current) {
      setText(value);
      onError(null);
    }
  }, [value, onError]);

  // What the document holds while the box has an error, so the person knows what a run uses meanwhile.
  const inUse = (v: string) =>
    multiline || v.length > 40 ? 'the last valid value' : v === '' ? (placeholder ? `the default, ${placeholder}` : 'no value') : v;
  const onChange = (t: string) => {
    setText(t);
    const r = parse(t);
    if (r.ok) {
      onError(null);
      commit(r.value, session.current);
    } else onError(`${r.error}; still using ${inUse(last.current)}`);
  };

  const className = `${inputClass} ${inputTone(ariaInvalid ? 'x' : null)}`;
  const common = {
    id,
    'data-testid': testId,
    value: text,
    placeholder,
    'aria-invalid': ariaInvalid,
    onFocus: () => {
      editing.current = true;
      session.current = nextFocusSession();
    },
    onBlur: () => {
      editing.current = false;
      // Leaving a valid field shows it normalized; an invalid one keeps the text and the message.
      if (parse(text).ok) setText(last.current);
    },
  };
  return multiline ? (
    <textarea {...common} rows={4} spellCheck={false} className={`${className} font-mono text-xs`} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input {...common} className={className} type="text" inputMode={inputMode} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
  );
}
