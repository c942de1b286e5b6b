import { error } from '@sveltejs/kit';
import { loadPublicResults } from '$lib/data/questionnairePublic';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const result = await attempt(() => loadPublicResults(params.networkId, params.id));
  if (result.ok && result.value === null) {
    error(404, 'Diese Ergebnisse gibt es nicht oder sie sind nicht veröffentlicht.');
  }
  return { result };
};
