let focusCount = 0;
/** A fresh number per focus of any input, so edits in one focus of a field merge into one undo step. */
export function nextFocusSession(): number {
  return ++focusCount;
}
