import { lazy, Suspense, useCallback, useState } from 'react';
import { DialogButton } from '../common/ModalDialog.tsx';

const RouteIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M4 6h9M8 12h10M6 18h6" />
    <circle cx="4" cy="6" r="0.5" />
  </svg>
);

// The waterfall loads when the button is first pressed.
const JourneyView = lazy(() => import('./JourneyView.tsx').then((m) => ({ default: m.JourneyView })));

/** "Journey": a sampled request's hops as a waterfall on the simulated clock. */
export function JourneyMenu({ buttonClassName }: { buttonClassName?: string }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <DialogButton name="journey" label="Journey" title="A request's journey: follow one sampled request (any, a failed one, the slowest) hop by hop" icon={<RouteIcon />} open={open} onOpen={() => setOpen(true)} className={buttonClassName} />
      {open && (
        <Suspense fallback={null}>
          <JourneyView onClose={close} />
        </Suspense>
      )}
    </>
  );
}
