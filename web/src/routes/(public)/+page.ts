import { listPublicNetworks } from '$lib/data/public';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({ networks: await attempt(listPublicNetworks) });
