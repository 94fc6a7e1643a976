/** Speeds offered: simulated seconds per wall second; Infinity runs as fast as the engine can. */
export const SPEEDS: readonly { value: number; label: string }[] = [
  { value: 1, label: '1× (real time)' },
  { value: 2, label: '2×' },
  { value: 5, label: '5×' },
  { value: 10, label: '10×' },
  { value: 60, label: '60×' },
  { value: 600, label: '600×' },
  { value: Infinity, label: 'Max' },
];

/** The offered speeds, plus `current` where it is none of them (the watchable default, a shared link's). */
export function speedOptions(current: number, durationSeconds: number): { value: number; label: string }[] {
  if (SPEEDS.some((s) => s.value === current)) return [...SPEEDS];
  const wall = Math.round(durationSeconds / current);
  const label = `${current.toLocaleString('en-US')}× (${wall < 90 ? `${wall} s` : `${Math.round(wall / 60)} min`} run)`;
  return [...SPEEDS, { value: current, label }].sort((a, b) => a.value - b.value);
}

export function speedKey(v: number): string {
  return Number.isFinite(v) ? String(v) : 'max';
}

export function parseSpeedKey(key: string): number {
  return key === 'max' ? Infinity : Number(key);
}

/** "12.3 s", "4 min 05 s", "2 h 03 min" for the run clock. */
export function formatSimTime(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** "45 s", "10 min", "1 h 30 min": a run's length, short. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${+seconds.toFixed(1)} s`;
  if (seconds < 3600) return seconds % 60 === 0 ? `${seconds / 60} min` : formatSimTime(seconds);
  return seconds % 3600 === 0 ? `${seconds / 3600} h` : formatSimTime(seconds);
}

/**
 * How long a run that plays slower than it was asked to will still take, in wall time, when that is over a
 * minute: "about 4 h left". Null while it keeps its pace, or before a pace is known.
 */
export function timeLeftText(secondsLeft: number, actualSpeed: number, askedSpeed: number): string | null {
  if (!(actualSpeed > 0) || secondsLeft <= 0 || actualSpeed >= 0.9 * askedSpeed) return null;
  const wall = secondsLeft / actualSpeed;
  if (wall < 60) return null;
  if (wall < 3600) return `about ${Math.round(wall / 60)} min left`;
  if (wall < 48 * 3600) return `about ${Math.round(wall / 3600)} h left`;
  return `about ${Math.round(wall / 86400)} days left`;
}

/** A measured speed for the status line: whole numbers from 10×, two significant digits below (0.036×). */
export function roundSpeed(v: number): number {
  return v >= 10 ? Math.round(v) : Number(v.toPrecision(2));
}

/** "1:16", "12:05", "1:02:03": the run clock where room is short (a phone's header). */
export function formatClock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
