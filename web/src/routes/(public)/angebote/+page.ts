import { loadDirectory } from '$lib/data/publicDirectory';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

// The filter is read from the address by the page, not here: changing it never reloads data.
export const load: PageLoad = async () => ({ directory: await attempt(() => loadDirectory()) });
