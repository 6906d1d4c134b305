// The tab-open benchmark's count of round trips a page waits for one after another (bench/measure.ts).
import { roundTrips } from '../../bench/measure';

describe('roundTrips', () => {
  const page = { start: 0, answered: 100 };
  const script = { start: 110, answered: 210 };
  const chunks = [{ start: 220, answered: 320 }, { start: 221, answered: 340 }];
  const batch = { start: 360, answered: 460 };

  it('counts a chain of requests each waiting for the one answered last before it, not the requests side by side', () => {
    expect(roundTrips([page, script, ...chunks, batch], 1000)).toBe(4);
  });

  it('counts only what was answered before the page was ready', () => {
    expect(roundTrips([page, script, ...chunks, batch], 400)).toBe(3);
  });

  it('takes the deepest chain when a request started beside others', () => {
    // The icon starts with the script: it adds a request, not a round trip.
    expect(roundTrips([page, script, { start: 110, answered: 150 }, ...chunks], 1000)).toBe(3);
  });

  it('is zero when nothing was answered', () => {
    expect(roundTrips([], 1000)).toBe(0);
  });
});
