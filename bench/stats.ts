import { loadavg } from 'node:os';

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The machine's 1, 5 and 15 minute load averages, for a bench to print beside its figures. */
export function formatLoadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
