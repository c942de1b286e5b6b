// The `test` source: the explicit list in the mailing (a test mail to oneself; tests and
// benchmarks write longer lists with firebase-admin). Its unsubscribe URL, when asked for, only
// exercises the List-Unsubscribe headers.
import type { RecipientSource } from './types.ts';
import { settingsOf } from './types.ts';

export const testSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    const { recipients, unsubscribe } = settingsOf(ctx, 'test');
    const start = cursor ? Number(cursor) : 0;
    const slice = recipients.slice(start, start + limit);
    const end = start + slice.length;
    return {
      recipients: slice.map((r) => ({
        address: r.email,
        name: r.name,
        ...(unsubscribe
          ? {
              unsubscribeUrl: `${ctx.baseUrl}/api/testversand/abmelden?versand=${encodeURIComponent(ctx.mailingId)}&an=${encodeURIComponent(r.email)}`,
            }
          : {}),
      })),
      next: end < recipients.length ? String(end) : null,
    };
  },
};
