import { describe, expect, it } from 'vitest';

// In CI the PostgreSQL, Redis and Redmine suites must run, never skip silently.
describe.runIf(process.env.CI === 'true')('CI guard', () => {
  it('has TEST_DATABASE_URL and TEST_REDIS_URL', () => {
    expect(process.env.TEST_DATABASE_URL, 'set TEST_DATABASE_URL (see .ci/run)').toBeTruthy();
    expect(process.env.TEST_REDIS_URL, 'set TEST_REDIS_URL (see .ci/run)').toBeTruthy();
  });
  it('has TEST_REDMINE_URL (scripts/redmine/start.sh, sourced by .ci/run)', () => {
    expect(
      process.env.TEST_REDMINE_URL,
      'start Redmine and source /tmp/shellboard-redmine.env (see .ci/run)',
    ).toBeTruthy();
  });
});
