// A live value fed by a data-layer listener, with the states pages render: loading, ready, error
// (German message) and a retry that re-subscribes.
import { describeError } from '$lib/data/errors';
import type { Fail, Next, Unsubscribe } from '$lib/data/listen';

export type Subscribe<T> = (next: Next<T>, fail: Fail) => Unsubscribe;

export class Live<T> {
  status = $state<'loading' | 'ready' | 'error'>('loading');
  /** Snapshots are replaced whole, never mutated, so no deep proxy is needed. */
  value = $state.raw<T | undefined>(undefined);
  error = $state('');

  #subscribe: Subscribe<T> | undefined;
  #stop: Unsubscribe | undefined;

  /** Starts listening (dropping an earlier subscription); returns the cleanup for `$effect`. */
  listen(subscribe: Subscribe<T>): Unsubscribe {
    this.#subscribe = subscribe;
    this.#start();
    return () => this.#halt();
  }

  retry = () => {
    if (this.#subscribe) this.#start();
  };

  #start() {
    const subscribe = this.#subscribe;
    if (!subscribe) return;
    this.#halt();
    this.status = 'loading';
    this.error = '';
    // A listener for another network must not show its predecessor's data meanwhile.
    this.value = undefined;
    this.#stop = subscribe(
      (value) => {
        this.value = value;
        this.status = 'ready';
      },
      (error) => {
        console.error(error);
        this.error = describeError(error).message;
        this.status = 'error';
      },
    );
  }

  #halt() {
    this.#stop?.();
    this.#stop = undefined;
  }
}
