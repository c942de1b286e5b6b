// What the directory pages of the coordinators' area share: the user's networks (ids and names),
// the public networks an entry can be shared with, the Handlungsfelder to choose from, and the
// coordinators' names for "changed by". Loaded once per page; failures only cost the extras.
import type { NetworkOption } from '$lib/components/directory/NetworkChoice.svelte';
import { loadCoordinatorNames, loadShareableNetworks } from '$lib/data/directoryAdmin';
import type { Workspace } from './workspace.svelte.ts';

export class DirectoryScope {
  readonly #workspace: Workspace;
  shareable = $state.raw<NetworkOption[]>([]);
  names = $state.raw<Record<string, string>>({});

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
  }

  /** The networks the user coordinates (that exist and loaded). */
  myNetworkIds: string[] = $derived.by(() => this.#workspace.networks.map((n) => n.id));

  /** The same as text: unchanged when only a network's profile changed. */
  #networkKey: string = $derived(this.myNetworkIds.join(','));

  /**
   * The user's network ids for listeners: an effect that reads them re-runs (and re-subscribes)
   * only when the set of networks changes, not on every profile edit.
   */
  listenerNetworkIds(): string[] {
    return this.#networkKey ? this.#networkKey.split(',') : [];
  }

  /** Networks by name: the user's first, then public ones to share with. */
  networkOptions: NetworkOption[] = $derived.by(() => {
    const mine = this.#workspace.networks.map((n) => ({ id: n.id, name: n.name }));
    const others = this.shareable.filter((n) => !mine.some((m) => m.id === n.id));
    return [...mine, ...others];
  });

  networkName = (id: string): string => this.networkOptions.find((n) => n.id === id)?.name ?? id;

  /** The Handlungsfelder of the user's networks, current network first. */
  fieldOptions: string[] = $derived.by(() => {
    const current = this.#workspace.current;
    const networks = current
      ? [current, ...this.#workspace.networks.filter((n) => n.id !== current.id)]
      : this.#workspace.networks;
    const all = networks.flatMap((n) => n.fieldsOfAction);
    return all.filter((field, index) => all.indexOf(field) === index);
  });

  /** The network new entries belong to. */
  defaultNetworkIds: string[] = $derived.by(() =>
    this.#workspace.current ? [this.#workspace.current.id] : [],
  );

  /** Loads the extras; call inside `$effect`. */
  load(): () => void {
    let cancelled = false;
    const ids = this.listenerNetworkIds();
    loadShareableNetworks().then(
      (networks) => {
        if (!cancelled) this.shareable = networks;
      },
      (error: unknown) => console.warn('Öffentliche Netzwerke nicht geladen', error),
    );
    if (ids.length > 0) {
      loadCoordinatorNames(ids).then(
        (names) => {
          if (!cancelled) this.names = names;
        },
        (error: unknown) => console.warn('Namen der Koordination nicht geladen', error),
      );
    }
    return () => {
      cancelled = true;
    };
  }
}
