import { afterAll, describe, it } from 'vitest';
import { PostgresStore } from '../server/store/postgres';
import { storeContract } from './store.contract';
import { dropTestSchemas, testSchema } from './helpers/pg-schemas';

const url = process.env.TEST_DATABASE_URL;
// Each run gets its own schema so parallel runs never collide.
const schema = testSchema('t');
afterAll(() => dropTestSchemas(url));

if (url) {
  storeContract('postgres', () => PostgresStore.open(url, { schema }));
} else {
  describe('Store contract: postgres', () => {
    it('needs TEST_DATABASE_URL', ({ skip }) => {
      // CI always sets it (.ci/run); tests/ci-guard.test.ts fails there if it is missing.
      skip('TEST_DATABASE_URL is not set');
    });
  });
}
