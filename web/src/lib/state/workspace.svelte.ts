// Everything the coordinators' area shares across its pages: the signed-in user, whether they are
// an admin, the networks they coordinate (live) and the one currently chosen.
import type { NetworkWithId } from '@knotenpunkt/model';
import type { SessionUser } from '$lib/data/auth';
import { describeError } from '$lib/data/errors';
import type { Unsubscribe } from '$lib/data/listen';
import { watchIsAdmin, watchMyNetworkIds, watchNetwork } from '$lib/data/networks';
import { CurrentNetworkChoice } from './currentNetwork.svelte.ts';

export class Workspace {
  readonly user: SessionUser;
  readonly choice = new CurrentNetworkChoice();

  /** undefined until the admin document was read. */
  isAdmin = $state<boolean | undefined>(undefined);
  /** undefined until memberships/{uid} was read. */
  networkIds = $state.raw<string[] | undefined>(undefined);
  error = $state('');
  /** Set while signing out, so the sign-out watcher does not redirect a second time. */
  signingOut = $state(false);
  /** A form below holds unsaved input (see unsaved.svelte.ts); switching networks asks first. */
  unsavedChanges = $state(false);

  #byId = $state.raw<Record<string, NetworkWithId | null>>({});
  #generation = $state(0);

  /** The user's networks that exist and loaded, by name. */
  networks: NetworkWithId[] = $derived.by(() =>
    (this.networkIds ?? [])
      .map((id) => this.#byId[id])
      .filter((n): n is NetworkWithId => !!n)
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
  );

  current: NetworkWithId | undefined = $derived.by(
    () => this.networks.find((n) => n.id === this.choice.id) ?? this.networks[0],
  );

  /** True until we know which networks there are and the chosen one loaded. */
  loading: boolean = $derived.by(() => {
    if (this.error) return false;
    const ids = this.networkIds;
    if (ids === undefined) return true;
    return ids.some((id) => !(id in this.#byId));
  });

  constructor(user: SessionUser) {
    this.user = user;
  }

  /** Starts the listeners; call inside `$effect` and return what it returns. */
  connect(): Unsubscribe {
    void this.#generation; // read, so retry() re-runs the calling effect
    const uid = this.user.uid;
    const perNetwork: Record<string, Unsubscribe> = {};
    const fail = (error: unknown) => {
      console.error(error);
      this.error = describeError(error).message;
    };

    const stopAdmin = watchIsAdmin(
      uid,
      (isAdmin) => (this.isAdmin = isAdmin),
      (error) => {
        this.isAdmin = false;
        fail(error);
      },
    );
    const stopIds = watchMyNetworkIds(
      uid,
      (ids) => {
        for (const id of Object.keys(perNetwork)) {
          if (ids.includes(id)) continue;
          perNetwork[id]?.();
          delete perNetwork[id];
          const { [id]: _removed, ...rest } = this.#byId;
          this.#byId = rest;
        }
        for (const id of ids) {
          perNetwork[id] ??= watchNetwork(
            id,
            (network) => (this.#byId = { ...this.#byId, [id]: network }),
            (error) => {
              // Membership just revoked (memberships/{uid} follows in a moment): hide that
              // network instead of failing the whole area.
              if ((error as { code?: unknown } | null)?.code === 'permission-denied') {
                this.#byId = { ...this.#byId, [id]: null };
              } else {
                fail(error);
              }
            },
          );
        }
        this.networkIds = ids;
      },
      fail,
    );

    return () => {
      stopAdmin();
      stopIds();
      for (const stop of Object.values(perNetwork)) stop();
    };
  }

  retry = () => {
    this.error = '';
    this.networkIds = undefined;
    this.isAdmin = undefined;
    this.#byId = {};
    this.#generation++;
  };
}
