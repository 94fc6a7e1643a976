import { findServiceKind } from '../../sim/services/registry.ts';

const FALLBACK = { color: '#64748b', path: 'M4 4h16v16H4z' };

/** The service's icon: its brand colour as a rounded tile with the SVG path in white. */
export function ServiceIcon({ type, size = 40 }: { type: string; size?: number }) {
  const icon = findServiceKind(type)?.icon ?? FALLBACK;
  return (
    <span
      aria-hidden
      className="inline-flex shrink-0 items-center justify-center rounded-lg shadow-sm"
      style={{ width: size, height: size, background: icon.color }}
    >
      <svg viewBox="0 0 24 24" width={size * 0.62} height={size * 0.62} fill="white">
        <path d={icon.path} />
      </svg>
    </span>
  );
}
