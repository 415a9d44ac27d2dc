import { afterAll, describe, it } from 'vitest';
import { dropTestSchemas, testSchema } from '../../tests/helpers/pg-schemas';
import { boardRegistryContract } from './board-registry.contract';
import { documentLogContract } from './document-log.contract';
import { PostgresStore } from './postgres';
import { trackerStoreContract } from './tracker-store.contract';
import { versionStoreContract } from './version-store.contract';

const url = process.env.TEST_DATABASE_URL;
// Each run gets its own schema so parallel runs never collide.
const schema = testSchema('t');
afterAll(() => dropTestSchemas(url));

if (url) {
  const open = () => PostgresStore.open(url, { schema });
  documentLogContract('postgres', open);
  boardRegistryContract('postgres', open);
  versionStoreContract('postgres', open);
  trackerStoreContract('postgres', open);
} else {
  describe('Store contracts: postgres', () => {
    it('needs TEST_DATABASE_URL', ({ skip }) => {
      // CI always sets it (.ci/run); tests/ci-guard.test.ts fails there if it is missing.
      skip('TEST_DATABASE_URL is not set');
    });
  });
}
