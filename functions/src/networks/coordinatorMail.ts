import { simpleHtml } from '../mail/html.ts';

export interface CoordinatorMailInput {
  name: string;
  networkName: string;
  signInUrl: string;
  /** Present when the account was just created: the link to choose a password. */
  setPasswordUrl?: string | undefined;
}

export function coordinatorWelcomeMail(input: CoordinatorMailInput) {
  const subject = `Sie koordinieren jetzt: ${input.networkName}`;
  const intro = [
    `Guten Tag ${input.name},`,
    `Sie wurden als Koordinator/in des Netzwerks „${input.networkName}“ in Knotenpunkt eingetragen.`,
  ];
  const step = input.setPasswordUrl
    ? 'Für Sie wurde ein Zugang angelegt. Bitte legen Sie über den folgenden Link Ihr Passwort fest:'
    : 'Sie können sich mit Ihrem bestehenden Zugang anmelden:';
  const link = input.setPasswordUrl ?? input.signInUrl;
  const label = input.setPasswordUrl ? 'Passwort festlegen' : 'Anmelden';
  const outro = 'Wenn Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.';
  return {
    subject,
    text: [...intro, step, link, outro].join('\n\n'),
    html: simpleHtml([...intro, step], { href: link, label }, [outro]),
  };
}
