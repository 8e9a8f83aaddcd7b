// The simulated customers' side of surveys: catches the survey links the platform sends and answers some of them.
import type { SurveyChannels } from '../surveys/channels/survey-channels';
import type { SurveyMessage } from '../surveys/channels/survey-channel';
import { SURVEY_DIMENSIONS } from '../surveys/survey-dimensions';
import type { Random } from './demo-random.util';

export interface CaughtSurvey {
  token: string;
  kind: SurveyMessage['kind'];
  /** The business key of the request or complaint it is about. */
  about: string | null;
}

/**
 * Puts a "customer phone" behind every survey channel of this (demo-only) application: the messages are kept for the
 * simulated customers instead of going to a gateway or the log. Real customers never see demo surveys.
 */
export function catchSurveys(channels: SurveyChannels): CaughtSurvey[] {
  const caught: CaughtSurvey[] = [];
  const phone = {
    name: 'webhook' as const,
    send: async (m: SurveyMessage) => {
      caught.push({ token: m.link.split('/survey/')[1] ?? '', kind: m.kind, about: m.about });
      return { via: 'webhook' as const, delivered: true };
    },
  };
  channels.forIntake = (intake: unknown) => ({ wanted: intake === 'email' ? 'email' : intake === 'phone' ? 'sms' : 'webhook', channel: phone });
  return caught;
}

/** A survey answer of a customer whose satisfaction is `satisfaction` (1–5): dimensions around it, NPS to match. */
export function answerOf(r: Random, satisfaction: number) {
  const around = () => Math.max(1, Math.min(5, satisfaction + (r.chance(0.3) ? r.pick([-1, 1]) : 0)));
  const scores = Object.fromEntries(SURVEY_DIMENSIONS.map((d) => [d, around()]));
  const nps = satisfaction >= 5 ? r.int(9, 10) : satisfaction === 4 ? r.int(7, 8) : satisfaction === 3 ? r.int(5, 6) : r.int(0, 4);
  const suggestions = satisfaction <= 2 ? r.pick(['The technician was late', '维修太慢了', 'Nobody told me what was going on']) : undefined;
  return { scores, overall: satisfaction, nps, suggestions, wantsComplaint: satisfaction === 1 && r.chance(0.5) };
}
