import { documentLogContract } from './document-log.contract';
import { MemoryDocumentLog } from './memory-log';

// The in-memory log the room's unit tests use is held to the same contract as the databases.
documentLogContract('memory', async () => new MemoryDocumentLog());
