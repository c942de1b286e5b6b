// Public pages load in +page.ts; a failure becomes data (not a thrown error) so the page can show
// "Daten konnten nicht geladen werden" with a retry instead of an error page.
import { describeError } from './data/errors.ts';

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

export async function attempt<T>(load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    console.error(error);
    return { ok: false, message: describeError(error).message };
  }
}
