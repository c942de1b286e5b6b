// The upkeep form's requests (no account: the link's token authorizes). The token comes from the
// URL's fragment and travels in the request body, never in an address.
import type { ProposedActorFields, UpkeepEntryView } from '@knotenpunkt/model';
import { postApi, type ApiResult } from './publicApi.ts';

export type { UpkeepEntryView };

/** The entry as it is now, or why the link cannot be used (its `error` code in the answer). */
export function openUpkeepLink(token: string): Promise<ApiResult<UpkeepEntryView>> {
  return postApi<UpkeepEntryView>('/api/upkeep/entry', { token });
}

/** "Alles aktuell". */
export function confirmUpkeep(token: string): Promise<ApiResult> {
  return postApi('/api/upkeep/confirm', { token });
}

/** The form with changes; only the fields that differ reach the review inbox. */
export function sendUpkeepChanges(
  token: string,
  fields: ProposedActorFields,
  proposer: { name: string; email: string },
): Promise<ApiResult<{ changed: string[] }>> {
  return postApi<{ changed: string[] }>('/api/upkeep/changes', { token, fields, proposer });
}
