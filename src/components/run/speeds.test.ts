import { describe, expect, it } from 'vitest';
import { watchableSpeed } from '../../store/simulationSlice.ts';
import { formatClock, formatDuration, formatSimTime, parseSpeedKey, roundSpeed, SPEEDS, speedKey, speedOptions, timeLeftText } from './speeds.ts';

describe('run control formatting', () => {
  it('round-trips every offered speed through its select key, Infinity as "max"', () => {
    for (const s of SPEEDS) expect(parseSpeedKey(speedKey(s.value))).toBe(s.value);
    expect(speedKey(Infinity)).toBe('max');
  });

  it('plays a first run in about 30 s, offering that speed beside the usual ones with Max one click away', () => {
    expect(watchableSpeed(600)).toBe(20);
    expect(watchableSpeed(10)).toBe(1);
    expect(watchableSpeed(86_400)).toBe(2880);
    const options = speedOptions(20, 600);
    expect(options.map((o) => o.label)).toEqual(['1× (real time)', '2×', '5×', '10×', '20× (30 s run)', '60×', '600×', 'Max']);
    expect(speedOptions(60, 600)).toEqual([...SPEEDS]);
    expect(speedOptions(2880, 86_400).find((o) => o.value === 2880)?.label).toBe('2,880× (30 s run)');
  });

  it('formats the simulated clock and the run length', () => {
    expect(formatSimTime(12.34)).toBe('12.3 s');
    expect(formatSimTime(245)).toBe('4 min 05 s');
    expect(formatSimTime(7380)).toBe('2 h 03 min');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(45)).toBe('45 s');
  });
});

describe('a run slower than asked', () => {
  it('says how long it will still take, once that is over a minute', () => {
    // 0.036 simulated seconds a second with 599 s to go: about 4.6 hours.
    expect(timeLeftText(599, 0.036, 20)).toBe('about 5 h left');
    expect(timeLeftText(599, 2, 20)).toBe('about 5 min left');
    expect(timeLeftText(30 * 86400, 1, Infinity)).toBe('about 30 days left');
    // Keeping its pace, nearly done, or no pace yet: nothing to say.
    expect(timeLeftText(599, 19, 20)).toBeNull();
    expect(timeLeftText(50, 0.9, 20)).toBeNull();
    expect(timeLeftText(599, 0, 20)).toBeNull();
  });

  it('rounds the measured speed for reading, keeping a slow one visible', () => {
    expect(roundSpeed(0.0361)).toBe(0.036);
    expect(roundSpeed(3.14159)).toBe(3.1);
    expect(roundSpeed(1234.5)).toBe(1235);
  });
});

describe('the compact run clock', () => {
  it('reads m:ss, or h:mm:ss past an hour', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(76.4)).toBe('1:16');
    expect(formatClock(300)).toBe('5:00');
    expect(formatClock(3723)).toBe('1:02:03');
  });
});
