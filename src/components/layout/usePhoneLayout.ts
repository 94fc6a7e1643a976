import { useSyncExternalStore } from 'react';

/** Tailwind's `max-md`: narrower than 48rem (768 px), where the app lays itself out for a phone. */
const PHONE_QUERY = '(max-width: 47.99rem)';

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isPhone = () => typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches;

/** Whether the window is phone-sized now (follows rotation and resizing). */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(subscribe, isPhone, () => false);
}
