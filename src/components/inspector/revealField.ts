/** How long to wait for the inspector (loaded on first use) to show a field before giving up. */
const WAIT_MS = 3000;

/**
 * Scrolls the inspector to the field a problem's path names ("properties.Timeout", or a path inside a field's
 * value such as "properties.Definition.States.A") once it is on screen, opens the Advanced group holding it and
 * focuses its input. The inspector may still be loading or switching to the node, so it looks each frame.
 */
export function revealFieldWhenShown(path: string): void {
  const started = performance.now();
  const look = () => {
    const row = [...document.querySelectorAll<HTMLElement>('[data-field]')].find((el) => {
      const field = el.dataset.field ?? '';
      return path === field || path.startsWith(`${field}.`);
    });
    if (!row) {
      if (performance.now() - started < WAIT_MS) requestAnimationFrame(look);
      return;
    }
    const folded = row.closest('details');
    if (folded) folded.open = true;
    row.scrollIntoView({ block: 'center' });
    row.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  };
  requestAnimationFrame(look);
}
