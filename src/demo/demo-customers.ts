// The simulated customers' side of surveys: the survey links they receive, and how they answer some of them.
import type { SurveyRepository } from '../surveys/survey.repository';
import { SURVEY_DIMENSIONS } from '../surveys/survey-dimensions';
import { hashSurveyToken, newSurveyToken } from '../surveys/survey-token.util';
import type { Random } from './demo-random.util';
import type { DemoRepository } from './demo.repository';

export interface CaughtSurvey {
  token: string;
  kind: 'invitation' | 'reminder';
  /** The business key of the request or complaint it is about. */
  about: string | null;
}

/**
 * The links the simulated customers receive. Demo customers are opted out of notifications, so nothing is ever sent
 * to a gateway: for each survey the platform recorded as sent, the customer gets a fresh one-time token made exactly
 * as the sender makes it (only its hash stored), and answers through the real survey service.
 */
export class DemoSurveyInbox {
  private after = '0';

  constructor(
    private readonly demo: DemoRepository,
    private readonly surveys: SurveyRepository,
  ) {}

  async receive(now: Date): Promise<CaughtSurvey[]> {
    const sent = await this.demo.surveysSentAfter(this.after);
    const caught: CaughtSurvey[] = [];
    for (const s of sent) {
      this.after = s.historyId;
      const token = newSurveyToken();
      if (await this.surveys.addToken({ tokenHash: hashSurveyToken(token), surveyId: s.surveyId, kind: s.kind, issuedAt: now, expiresAt: s.expiresAt })) caught.push({ token, kind: s.kind, about: s.about });
    }
    return caught;
  }
}

/** A survey answer of a customer whose satisfaction is `satisfaction` (1–5): dimensions around it, NPS to match. */
export function answerOf(r: Random, satisfaction: number) {
  const around = () => Math.max(1, Math.min(5, satisfaction + (r.chance(0.3) ? r.pick([-1, 1]) : 0)));
  const scores = Object.fromEntries(SURVEY_DIMENSIONS.map((d) => [d, around()]));
  const nps = satisfaction >= 5 ? r.int(9, 10) : satisfaction === 4 ? r.int(7, 8) : satisfaction === 3 ? r.int(5, 6) : r.int(0, 4);
  const suggestions = satisfaction <= 2 ? r.pick(['The technician was late', '维修太慢了', 'Nobody told me what was going on']) : undefined;
  return { scores, overall: satisfaction, nps, suggestions, wantsComplaint: satisfaction === 1 && r.chance(0.5) };
}
