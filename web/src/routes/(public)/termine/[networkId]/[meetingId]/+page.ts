import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { getPublicMeeting } from '$lib/data/publicMeetings';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const result = await attempt(() => getPublicMeeting(params.networkId, params.meetingId));
  if (result.ok && result.value === null) {
    error(404, 'Dieses Treffen gibt es nicht oder es ist nicht öffentlich.');
  }
  return {
    result,
    brand:
      result.ok && result.value
        ? { name: result.value.networkName, href: resolve(`/netzwerk/${params.networkId}`) }
        : undefined,
  };
};
