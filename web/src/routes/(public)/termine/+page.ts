import { listPublicCalendars } from '$lib/data/publicMeetings';
import { attempt } from '$lib/loaded';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({ calendars: await attempt(listPublicCalendars) });
