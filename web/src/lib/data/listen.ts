// Listeners are set up after the SDK module loaded (async), but pages need a synchronous
// unsubscribe for their $effect cleanup. This bridges the two: if the page is gone before the
// listener exists, the listener is removed as soon as it is created.

export type Next<T> = (value: T) => void;
export type Fail = (error: unknown) => void;
export type Unsubscribe = () => void;

export function listenLater(setup: () => Promise<Unsubscribe>, fail: Fail): Unsubscribe {
  let unsubscribe: Unsubscribe | undefined;
  let cancelled = false;
  setup().then(
    (unsub) => {
      if (cancelled) unsub();
      else unsubscribe = unsub;
    },
    (error: unknown) => {
      if (!cancelled) fail(error);
    },
  );
  return () => {
    cancelled = true;
    unsubscribe?.();
  };
}
