import { describe, expect, it } from 'vitest';

// In CI the PostgreSQL and Redis suites must run, never skip silently.
describe.runIf(process.env.CI === 'true')('CI guard', () => {
  it('has TEST_DATABASE_URL and TEST_REDIS_URL', () => {
    expect(process.env.TEST_DATABASE_URL, 'set TEST_DATABASE_URL (see .ci/run)').toBeTruthy();
    expect(process.env.TEST_REDIS_URL, 'set TEST_REDIS_URL (see .ci/run)').toBeTruthy();
  });
});
