/** The shared ApprovalStore contract against the embedded (files) store: one data folder, many instances. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddedStore } from '../../src/approvals/store-embedded.js';
import { describeStoreContract } from './store-contract.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'store-contract-'));

describeStoreContract('embedded', () => ({ open: () => createEmbeddedStore({ dataDir }) }));
