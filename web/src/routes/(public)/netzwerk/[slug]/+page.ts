import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { getPublicNetworkPage } from '$lib/data/public';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const result = await attempt(() => getPublicNetworkPage(params.slug));
  if (result.ok && result.value === null) {
    error(404, 'Dieses Netzwerk gibt es nicht oder es ist nicht öffentlich.');
  }
  return {
    result,
    brand:
      result.ok && result.value
        ? { name: result.value.network.name, href: resolve(`/netzwerk/${params.slug}`) }
        : undefined,
  };
};
