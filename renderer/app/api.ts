/**
 * The renderer's one API client, over whichever transport this window has.
 */
import { createApiClient } from '../../shared/api/create-client';
import { pickTransport } from '../transport/pick-transport';

export const api = createApiClient(pickTransport());
