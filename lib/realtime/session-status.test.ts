import { describe, expect, it } from 'vitest';
import { sessionStatusText } from './session-status';

describe('sessionStatusText', () => {
  it.each([
    // connected, everConnected, failedOnce → text
    [true, true, false, null],
    [true, true, true, null],
    [false, false, false, 'Connecting…'], // a fresh page, first attempt still under way
    [false, false, true, 'Session reconnecting…'], // the first attempt failed: retrying
    [false, true, false, 'Session reconnecting…'], // was live, dropped
    [false, true, true, 'Session reconnecting…'],
  ])('connected=%s everConnected=%s failedOnce=%s → %j', (connected, everConnected, failedOnce, text) => {
    expect(sessionStatusText({ connected, everConnected, failedOnce })).toBe(text);
  });
});
