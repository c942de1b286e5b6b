import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { currentUser } from '$lib/data/auth';
import type { LayoutLoad } from './$types';

// Runs once when entering the coordinators' area (the path is untracked): signed-out visitors
// go to the login page, which brings them back here afterwards.
export const load: LayoutLoad = async ({ url, untrack }) => {
  const user = await currentUser();
  if (!user) {
    const back = untrack(() => url.pathname);
    redirect(307, `${resolve('/anmelden')}?weiter=${encodeURIComponent(back)}`);
  }
  return { user };
};
