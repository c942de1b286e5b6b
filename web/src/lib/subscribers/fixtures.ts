// Subscribers for the specs, built with the model's schema.
import { subscriberSchema, type SubscriberWithId } from '@knotenpunkt/model';

const T = new Date('2026-11-02T10:00:00Z');

export function subscriber(over: Partial<SubscriberWithId> = {}): SubscriberWithId {
  const consent = {
    form: 'signup' as const,
    formId: 'mitmachen/2026-11',
    textVersion: '2026-11',
    textHash: 'a'.repeat(64),
    requestedAt: T,
    mailSentAt: T,
    confirmedAt: T,
    withdrawnAt: null,
  };
  return {
    ...subscriberSchema.parse({
      email: 'anna@example.de',
      status: 'confirmed',
      purposes: { invitations: true, volunteer: false },
      consents: { invitations: consent, volunteer: null },
      requestedAt: T,
      createdAt: T,
      updatedAt: T,
    }),
    id: 'a'.repeat(64),
    ...over,
  };
}
