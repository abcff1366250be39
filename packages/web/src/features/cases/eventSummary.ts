import {
  carePlacementKindNames,
  intakeChannelNames,
  intakeSourceNames,
  isPlainDate,
  riskItems,
  type CaseStep,
} from '@treem/shared';
import { formatDate, formatInstant, type Language } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  actionName,
  closeReasonName,
  concernNames,
  nameOf,
  riskItemName,
  riskName,
  serviceName,
  stepName,
} from './catalogue.ts';

/*
 * One line of the case's timeline: what happened, in words, with the form's fields as they were recorded. The
 * server keeps each event's data as the form sent it; this turns codes into names and dates into dd/MM/yyyy.
 */

export interface EventLine {
  key: string;
  label: string;
  value: string;
}

const actionPrefix = 'action:';
const instantKeys = new Set(['intervenedAt']);
const dateKeys = new Set([
  'meetingOn',
  'reviewOn',
  'decidedOn',
  'nextReviewOn',
  'doneOn',
  'expiresOn',
  'handedOverOn',
  'visitedOn',
  'terminatedOn',
]);

export function eventTitle(kind: string, t: Messages, language: Language): string {
  if (kind.startsWith(actionPrefix)) return actionName(kind.slice(actionPrefix.length), language);
  const kinds = t.cases.timeline.kinds;
  return Object.hasOwn(kinds, kind) ? kinds[kind as keyof typeof kinds] : kind;
}

/** "Tiếp nhận → Can thiệp khẩn cấp", when the event moved the case. */
export function stepChange(
  fromStep: CaseStep | null,
  toStep: CaseStep | null,
  language: Language,
): string | undefined {
  if (!toStep || fromStep === toStep) return undefined;
  return fromStep
    ? `${stepName(fromStep, language)} → ${stepName(toStep, language)}`
    : stepName(toStep, language);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function valueText(kind: string, key: string, value: unknown, t: Messages, language: Language): string {
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (instantKeys.has(key)) return formatInstant(text(value));
  if (dateKeys.has(key)) {
    const date = text(value);
    return isPlainDate(date) ? formatDate(date) : date;
  }
  switch (key) {
    case 'channel':
      return nameOf(intakeChannelNames, text(value), language);
    case 'source':
      return nameOf(intakeSourceNames, text(value), language);
    case 'concernTypes':
      return Array.isArray(value) ? concernNames(value.map(text), language).join(', ') : '';
    case 'ratings':
      // In the forms' order of the items, whatever order the stored JSON keeps them in.
      return isRecord(value)
        ? Object.entries(value)
            .sort(([a], [b]) => itemOrder(a) - itemOrder(b))
            .map(([item, level]) => {
              const levelCode = text(level);
              const levelText =
                levelCode === 'high' || levelCode === 'medium' || levelCode === 'low'
                  ? riskName(levelCode, language)
                  : levelCode;
              return `${riskItemName(item, language)}: ${levelText}`;
            })
            .join('; ')
        : '';
    case 'goals':
      return Array.isArray(value)
        ? value
            .map((goal) => (isRecord(goal) ? text(goal.text) : ''))
            .filter(Boolean)
            .join('; ')
        : '';
    case 'actions':
      return Array.isArray(value)
        ? value
            .filter(isRecord)
            .map((action) => {
              const due = text(action.dueOn);
              const service = text(action.serviceCode);
              const details = [
                text(action.responsible),
                isPlainDate(due) ? formatDate(due) : due,
                service ? serviceName(service, language) : '',
              ].filter(Boolean);
              return `${text(action.description)} (${details.join(', ')})`;
            })
            .join('; ')
        : '';
    case 'reason':
      // The closure's reason is a code of the catalogue; every other reason is the official's words.
      return kind === 'action:close' ? closeReasonName(text(value), language) : text(value);
    case 'conclusion': {
      const conclusions = t.cases.conclusions;
      const code = text(value);
      return Object.hasOwn(conclusions, code) ? conclusions[code as keyof typeof conclusions] : code;
    }
    case 'serviceCode':
      return serviceName(text(value), language);
    case 'kind':
      // Only the alternative-care events record a `kind`: the placement's.
      return nameOf(carePlacementKindNames, text(value), language);
    case 'wellbeing': {
      const wellbeings = t.cases.care.wellbeings;
      const code = text(value);
      return Object.hasOwn(wellbeings, code) ? wellbeings[code as keyof typeof wellbeings] : code;
    }
    case 'status': {
      const statuses = t.cases.plan.statuses;
      const code = text(value);
      return Object.hasOwn(statuses, code) ? statuses[code as keyof typeof statuses] : code;
    }
    default:
      return text(value);
  }
}

function itemOrder(item: string): number {
  const index = (riskItems as readonly string[]).indexOf(item);
  return index < 0 ? riskItems.length : index;
}

/**
 * The event's recorded fields as label–value lines, in the order of the forms (the stored JSON does not keep the
 * order they were sent in; fields the catalogue does not name come last). Ids (`noteId`, `userId`,
 * `toCommuneId`) name nothing a reader can use and are left out, as are empty fields — except a referral's,
 * which is put in words as its provider's name when the case's referrals are known (`providerOfReferral`).
 */
export function eventLines(
  kind: string,
  data: Record<string, unknown>,
  t: Messages,
  language: Language,
  providerOfReferral?: ReadonlyMap<string, string>,
): EventLine[] {
  const labels = t.cases.timeline.fields;
  const lines: EventLine[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (/Id$/.test(key) || value === null || value === undefined || value === '') continue;
    const shown = valueText(kind, key, value, t, language);
    if (!shown) continue;
    const label = Object.hasOwn(labels, key) ? labels[key as keyof typeof labels] : key;
    lines.push({ key, label, value: shown });
  }
  const order = Object.keys(labels);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  lines.sort((a, b) => rank(a.key) - rank(b.key));
  // Which provider a referral's event concerns comes first: the rest of its lines are about that provider.
  const provider = providerOfReferral?.get(text(data.referralId));
  return provider ? [{ key: 'provider', label: labels.provider, value: provider }, ...lines] : lines;
}
