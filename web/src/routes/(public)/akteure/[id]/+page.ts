import { error } from '@sveltejs/kit';
import { loadDirectory, loadPublicActor } from '$lib/data/publicDirectory';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

// Two reads: the entry's public page and the list (shared with the list page, for its offers).
export const load: PageLoad = async ({ params }) => {
  const result = await attempt(async () => {
    const [actor, directory] = await Promise.all([loadPublicActor(params.id), loadDirectory()]);
    return { actor, directory };
  });
  if (result.ok && result.value.actor === null) {
    error(404, 'Diesen Akteur gibt es nicht (mehr) im Verzeichnis.');
  }
  return { result };
};
