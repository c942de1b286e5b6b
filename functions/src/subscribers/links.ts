// The personal links in subscriber mails. Tokens ride in the URL fragment of pages (never sent to
// a server, so never in a log) and the page posts them; only the one-click unsubscribe URL of the
// List-Unsubscribe header carries its token in the query, as RFC 8058 requires a POSTable URL.

const base = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

export function confirmUrl(baseUrl: string, networkId: string, token: string): string {
  return `${base(baseUrl)}/netzwerk/${networkId}/bestaetigen#t=${token}`;
}

export function preferencesUrl(baseUrl: string, networkId: string, token: string): string {
  return `${base(baseUrl)}/netzwerk/${networkId}/einstellungen#t=${token}`;
}

/** POST: unsubscribes at once (RFC 8058). GET: shows the preferences page, changes nothing. */
export function oneClickUnsubscribeUrl(baseUrl: string, token: string): string {
  return `${base(baseUrl)}/api/subscribers/unsubscribe?token=${token}`;
}

export function signupUrl(baseUrl: string, networkId: string): string {
  return `${base(baseUrl)}/netzwerk/${networkId}/mitmachen`;
}
