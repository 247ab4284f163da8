/**
 * The contract suite through the web host: HTTP calls and server-sent events.
 */
import { defineContractSuite } from './contract-suite';
import { startWeb } from '../support/service-harness';

defineContractSuite('HTTP', async () => {
  const web = await startWeb();
  return { client: web.client, close: () => web.close() };
});
