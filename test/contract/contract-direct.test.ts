/**
 * The contract suite against the service itself.
 */
import { defineContractSuite } from './contract-suite';
import { directClient, startService } from '../support/service-harness';

defineContractSuite('the service directly', async () => {
  const service = await startService();
  return { client: directClient(service), close: () => service.close() };
});
