// The ready template "Bedarfe und Ressourcen": what an organisation needs and what it can offer,
// asked in the same categories (and for interpreting, the same languages), so the gap map can set
// needs beside offers per Handlungsfeld and suggest pairings.
import {
  keyFromLabel,
  type ChoiceOption,
  type QuestionInput,
  type QuestionnaireInput,
} from './questionnaire.ts';

export const RESOURCE_CATEGORIES = [
  'Ehrenamtliche',
  'Dolmetschen und Sprachmittlung',
  'Räume',
  'Fachwissen',
  'Sachmittel',
  'Finanzierung',
  'Kontakte',
] as const;

export const INTERPRETING_LANGUAGES = [
  'Arabisch',
  'Dari/Farsi',
  'Englisch',
  'Französisch',
  'Kurdisch',
  'Polnisch',
  'Rumänisch',
  'Russisch',
  'Tigrinya',
  'Türkisch',
  'Ukrainisch',
] as const;

export function optionsOf(labels: readonly string[]): ChoiceOption[] {
  const taken: string[] = [];
  return labels.map((label) => {
    const id = keyFromLabel(label, taken, 'o');
    taken.push(id);
    return { id, label };
  });
}

const categories = () => optionsOf(RESOURCE_CATEGORIES);
const languages = () => optionsOf(INTERPRETING_LANGUAGES);

/** The template for a network with these Handlungsfelder. */
export function needsAndResourcesTemplate(
  fieldsOfAction: readonly string[],
  title = 'Bedarfe und Ressourcen',
): QuestionnaireInput {
  const fieldQuestion: QuestionInput = {
    id: 'handlungsfelder',
    kind: 'fieldOfAction',
    label: 'In welchen Handlungsfeldern ist Ihre Organisation tätig?',
    help: 'Mehrere Antworten möglich. Die Auswertung zeigt Bedarfe und Angebote je Handlungsfeld.',
    required: true,
    options: optionsOf(fieldsOfAction.length > 0 ? fieldsOfAction : ['Allgemein']),
  };
  const needs: QuestionInput[] = [
    {
      id: 'bedarf',
      kind: 'multiple',
      label: 'Was braucht Ihre Organisation für ihre Arbeit?',
      help: 'Mehrere Antworten möglich.',
      options: categories(),
      other: true,
      match: { key: 'ressourcen', side: 'need', label: '' },
    },
    {
      id: 'bedarf-sprachen',
      kind: 'multiple',
      label: 'Für welche Sprachen brauchen Sie Dolmetschen oder Sprachmittlung?',
      help: 'Nur ausfüllen, wenn Sie Sprachmittlung brauchen.',
      options: languages(),
      match: { key: 'dolmetschen', side: 'need', label: 'Dolmetschen' },
    },
    {
      id: 'bedarf-text',
      kind: 'longText',
      label: 'Beschreiben Sie Ihren Bedarf genauer',
      help: 'Zum Beispiel: wie viele Ehrenamtliche, welche Räume, zu welchen Zeiten.',
    },
  ];
  const offers: QuestionInput[] = [
    {
      id: 'angebot',
      kind: 'multiple',
      label: 'Was kann Ihre Organisation anderen im Netzwerk anbieten?',
      help: 'Mehrere Antworten möglich.',
      options: categories(),
      other: true,
      match: { key: 'ressourcen', side: 'offer', label: '' },
    },
    {
      id: 'angebot-sprachen',
      kind: 'multiple',
      label: 'In welchen Sprachen können Sie Dolmetschen oder Sprachmittlung anbieten?',
      options: languages(),
      match: { key: 'dolmetschen', side: 'offer', label: 'Dolmetschen' },
    },
    {
      id: 'angebot-text',
      kind: 'longText',
      label: 'Beschreiben Sie Ihr Angebot genauer',
      help: 'Zum Beispiel: wann Ihre Räume frei sind oder welches Fachwissen Sie teilen.',
    },
  ];
  return {
    title,
    intro:
      'Mit diesem Fragebogen möchten wir erfahren, was die Akteure im Netzwerk brauchen und was sie anbieten können. Die Koordination bringt danach zusammen, wer sich gegenseitig helfen kann. Das Ausfüllen dauert etwa zehn Minuten.',
    sections: [
      {
        id: 'organisation',
        title: 'Ihre Organisation',
        description: '',
        questions: [
          fieldQuestion,
          {
            id: 'reichweite',
            kind: 'number',
            label: 'Wie viele Menschen erreichen Sie im Monat ungefähr?',
            min: 0,
            max: 100_000,
            unit: 'Personen',
          },
        ],
      },
      {
        id: 'bedarfe',
        title: 'Was Sie brauchen',
        description: 'Bedarfe Ihrer Organisation in den nächsten zwölf Monaten.',
        questions: needs,
      },
      {
        id: 'ressourcen',
        title: 'Was Sie anbieten können',
        description: 'Ressourcen, die Sie mit anderen im Netzwerk teilen können.',
        questions: offers,
      },
      {
        id: 'netzwerk',
        title: 'Zusammenarbeit im Netzwerk',
        description: '',
        questions: [
          {
            id: 'zusammenarbeit',
            kind: 'matrix',
            label: 'Wie zufrieden sind Sie mit …',
            rows: optionsOf([
              'dem Informationsfluss im Netzwerk',
              'den Netzwerktreffen',
              'der Zusammenarbeit mit Behörden',
            ]),
            scale: [
              'gar nicht zufrieden',
              'wenig zufrieden',
              'teils, teils',
              'zufrieden',
              'sehr zufrieden',
            ],
          },
          {
            id: 'vernetzt',
            kind: 'likert',
            label: 'Ich weiß, an wen ich mich im Netzwerk mit einer Frage wenden kann.',
            required: true,
          },
          {
            id: 'treffen',
            kind: 'single',
            label: 'Wie oft sollte sich das Netzwerk treffen?',
            options: optionsOf(['monatlich', 'alle drei Monate', 'halbjährlich']),
            other: true,
          },
          {
            id: 'thema',
            kind: 'shortText',
            label: 'Welches Thema wünschen Sie sich für das nächste Netzwerktreffen?',
          },
        ],
      },
    ],
    anonymous: false,
    resultsVisibility: 'coordinators',
  };
}
