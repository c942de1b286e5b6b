// The list pages' filter, kept in the address. Choosing a value adds a history entry (the back
// button undoes it); typing a search replaces the entry while typing goes on, so "back" does not
// step through every letter. Results follow the typed text at once; the address a moment later.
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { filterParams, parseFilter, type FilterSpec, type FilterState } from './filter.ts';

const TYPING_SETTLES_MS = 300;

export class UrlFilter<T> {
  readonly #spec: FilterSpec<T>;
  /** What the address says. */
  readonly fromUrl: FilterState = $derived.by(() => parseFilter(page.url.searchParams, this.#spec));
  /** The search box's text; follows the address when it changes (back button, a shared link). */
  query = $state('');
  /** The filter the results show: the address's, with the text being typed. */
  readonly current: FilterState = $derived({ ...this.fromUrl, q: this.query.trim() });

  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The search is being typed: the next address update replaces instead of adding. */
  #typing = false;
  #lastUrlQuery = '';

  constructor(spec: FilterSpec<T>) {
    this.#spec = spec;
    $effect(() => {
      const q = this.fromUrl.q;
      if (q !== this.#lastUrlQuery) {
        this.#lastUrlQuery = q;
        this.query = q;
      }
    });
    $effect(() => () => clearTimeout(this.#typingTimer));
  }

  #navigate(state: FilterState, replaceState: boolean) {
    const qs = filterParams(state, this.#spec).toString();
    this.#lastUrlQuery = state.q.trim();
    // eslint-disable-next-line svelte/no-navigation-without-resolve -- same path, new query
    void goto(`${location.pathname}${qs ? `?${qs}` : ''}`, {
      replaceState,
      keepFocus: true,
      noScroll: true,
    });
  }

  /** A facet or flag changed: one history entry. */
  set(change: Partial<FilterState>) {
    clearTimeout(this.#typingTimer);
    this.#typing = false;
    this.#navigate({ ...this.current, ...change }, false);
  }

  /** The search text changed: results update now, the address once typing pauses. */
  type(text: string) {
    this.query = text;
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => {
      this.#navigate(this.current, this.#typing);
      this.#typing = true;
    }, TYPING_SETTLES_MS);
  }

  /** The search box lost focus: write a pending text now; the next search adds an entry again. */
  settle() {
    if (this.#typingTimer !== undefined && this.current.q !== this.#lastUrlQuery) {
      clearTimeout(this.#typingTimer);
      this.#navigate(this.current, this.#typing);
    }
    this.#typingTimer = undefined;
    this.#typing = false;
  }

  /** Back to the whole list (one history entry). */
  reset() {
    this.query = '';
    this.set({ q: '', facets: {}, flags: [] });
  }
}
