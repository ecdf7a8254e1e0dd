import { InMemoryMemory } from './in-memory-memory.js';
import { describeMemoryContract } from './memory.contract.js';

describeMemoryContract('InMemoryMemory', async () => ({
  memory: new InMemoryMemory(),
  close: async () => {},
}));
