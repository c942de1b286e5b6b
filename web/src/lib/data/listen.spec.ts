import { describe, expect, it, vi } from 'vitest';
import { listenLater } from './listen.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('listenLater', () => {
  it('removes the listener once it exists when the page unsubscribed before', async () => {
    const unsub = vi.fn();
    const stop = listenLater(async () => unsub, vi.fn());
    stop();
    await tick();
    expect(unsub).toHaveBeenCalledOnce();
  });

  it('passes the unsubscribe through after set-up', async () => {
    const unsub = vi.fn();
    const stop = listenLater(async () => unsub, vi.fn());
    await tick();
    expect(unsub).not.toHaveBeenCalled();
    stop();
    expect(unsub).toHaveBeenCalledOnce();
  });

  it('reports a failed set-up to the error callback', async () => {
    const fail = vi.fn();
    listenLater(() => Promise.reject(new Error('chunk')), fail);
    await tick();
    expect(fail).toHaveBeenCalledWith(new Error('chunk'));
  });
});
