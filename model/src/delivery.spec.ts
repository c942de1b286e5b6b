import { describe, expect, it } from 'vitest';
import { DELIVERY_STATUSES, deliveryIdFor, deliveryMayChange, deliverySchema } from './delivery.ts';

describe('deliveryIdFor', () => {
  it('gives one id per mailing and mailbox, whatever the spelling of the address', async () => {
    const a = await deliveryIdFor('m1', 'Anna@Example.de');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await deliveryIdFor('m1', ' anna@example.de ')).toBe(a);
    expect(await deliveryIdFor('m2', 'anna@example.de')).not.toBe(a);
    expect(await deliveryIdFor('m1', 'ben@example.de')).not.toBe(a);
  });
});

describe('delivery status', () => {
  it('a queued delivery can only be claimed for sending', () => {
    expect(DELIVERY_STATUSES.filter((to) => deliveryMayChange('queued', to))).toEqual(['sending']);
  });

  it('a delivery being sent ends sent or failed, goes back to the queue, or is taken over', () => {
    expect(DELIVERY_STATUSES.filter((to) => deliveryMayChange('sending', to))).toEqual([
      'queued',
      'sending',
      'sent',
      'failed',
    ]);
  });

  it('a sent delivery can only bounce later, and failed or bounced ones stay as they are', () => {
    expect(DELIVERY_STATUSES.filter((to) => deliveryMayChange('sent', to))).toEqual(['bounced']);
    expect(DELIVERY_STATUSES.filter((to) => deliveryMayChange('failed', to))).toEqual([]);
    expect(DELIVERY_STATUSES.filter((to) => deliveryMayChange('bounced', to))).toEqual([]);
  });

  it('refuses a placeholder value under a name a template could not use', () => {
    const now = new Date();
    const result = deliverySchema.safeParse({
      address: 'anna@example.de',
      name: 'Anna',
      vars: { 'bad name': 'x' },
      unsubscribeUrl: '',
      sourceRef: '',
      status: 'queued',
      attempts: 0,
      dueAt: now,
      leaseId: '',
      lastAnswer: '',
      messageId: '<a@b>',
      sentAt: null,
      createdAt: now,
      updatedAt: now,
    });
    expect(result.success).toBe(false);
  });
});
