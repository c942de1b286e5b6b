import { listPublicNetworks } from '$lib/data/public';
import { loadDirectory } from '$lib/data/publicDirectory';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

// The networks to address the proposal to, and the published actors an offer may belong to.
export const load: PageLoad = async () => ({
  options: await attempt(async () => {
    const [networks, directory] = await Promise.all([listPublicNetworks(), loadDirectory()]);
    return {
      networks: networks.map((n) => ({
        id: n.id,
        name: n.name,
        region: n.region,
        fieldsOfAction: n.fieldsOfAction,
      })),
      actors: directory.actors.map((a) => ({ id: a.id, name: a.name })),
    };
  }),
});
