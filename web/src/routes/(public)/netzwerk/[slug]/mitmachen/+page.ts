import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { loadSignupForm } from '$lib/data/subscribersPublic';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const result = await loadSignupForm(params.slug);
  if (!result.ok && result.status === 404) {
    error(404, 'Dieses Netzwerk gibt es nicht oder es ist nicht öffentlich.');
  }
  return {
    result,
    brand: result.ok
      ? { name: result.value.network.name, href: resolve(`/netzwerk/${params.slug}`) }
      : undefined,
  };
};
