import { describe, expect, it } from 'vitest';
import { InFlightRequests } from '../../../main/http/in-flight.ts';

describe('InFlightRequests', () => {
  it('cancels the request with the given id only', () => {
    const flights = new InFlightRequests();
    const a = flights.start('a');
    const b = flights.start('b');
    expect(flights.cancel('a')).toBe(true);
    expect(a.aborted).toBe(true);
    expect(b.aborted).toBe(false);
    expect(flights.cancel('a')).toBe(false);
    expect(flights.size).toBe(1);
  });

  it('refuses a duplicate id, forgets finished ones and can cancel all', () => {
    const flights = new InFlightRequests();
    flights.start('x');
    expect(() => flights.start('x')).toThrow(/already running/);
    flights.finish('x');
    expect(flights.cancel('x')).toBe(false);
    const y = flights.start('y');
    const z = flights.start('z');
    flights.cancelAll();
    expect([y.aborted, z.aborted, flights.size]).toEqual([true, true, 0]);
  });
});
