// GET /api/subscribers/form?network=…: what the public signup form offers (the network's fields
// of action and working groups, languages) and the consent texts it shows, verbatim.
import { docId, type SignupFormView } from '@knotenpunkt/model';
import { fail } from '../platform/errors.ts';
import type { SubscriberDeps } from './deps.ts';
import { loadPublicNetwork } from './network.ts';
import { currentConsentTexts, optionsOf } from './views.ts';

export async function handleSignupForm(
  query: unknown,
  deps: SubscriberDeps,
): Promise<SignupFormView> {
  const networkId = (query as { network?: unknown } | undefined)?.network;
  const parsed = docId.safeParse(networkId);
  if (!parsed.success) fail('INVALID_ARGUMENT', { field: 'network' });
  const network = await loadPublicNetwork(deps.db, parsed.data);
  return {
    network: { id: network.id, name: network.name, region: network.region },
    options: await optionsOf(deps.db, network),
    consentTexts: currentConsentTexts(),
  };
}
