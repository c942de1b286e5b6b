// The answer page's links. The token rides in the URL fragment (never sent to a server, so never
// in a log); the page posts it.
import { RSVP_ANSWER_PARAMS, type RsvpAnswer } from '@knotenpunkt/model';

const base = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

export function rsvpUrl(baseUrl: string, token: string, answer?: RsvpAnswer): string {
  const param = answer ? `&antwort=${RSVP_ANSWER_PARAMS[answer]}` : '';
  return `${base(baseUrl)}/rueckmeldung#t=${token}${param}`;
}

/** Links of a test mail: the page explains that nothing is recorded. */
export function exampleRsvpUrl(baseUrl: string, answer?: RsvpAnswer): string {
  const param = answer ? `&antwort=${RSVP_ANSWER_PARAMS[answer]}` : '';
  return `${base(baseUrl)}/rueckmeldung#test${param}`;
}
