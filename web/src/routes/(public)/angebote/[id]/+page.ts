import { error } from '@sveltejs/kit';
import { loadDirectory, loadPublicOffer } from '$lib/data/publicDirectory';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

// Two reads: the offer's public page and the list (shared with the list page, for its actors).
export const load: PageLoad = async ({ params }) => {
  const result = await attempt(async () => {
    const [offer, directory] = await Promise.all([loadPublicOffer(params.id), loadDirectory()]);
    return { offer, directory };
  });
  if (result.ok && result.value.offer === null) {
    error(404, 'Dieses Angebot gibt es nicht (mehr) im Verzeichnis.');
  }
  return { result };
};
