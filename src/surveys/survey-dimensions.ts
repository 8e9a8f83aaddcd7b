// The survey's questions (domain.md): Likert 1–5 per service dimension, an overall score, NPS 0–10, suggestions.

/** The eight dimensions; "process transparency and fair charges" are asked as two questions. */
export const SURVEY_DIMENSIONS = [
  'responseSpeed',
  'professionalism',
  'resolutionEffect',
  'communication',
  'attitude',
  'transparency',
  'fairCharges',
  'brandImpression',
] as const;

export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

export const SUGGESTIONS_MAX = 2000;

export const SURVEY_DEFINITION_KEY = 'satisfaction-survey';
export const SURVEY_ANSWER_MESSAGE = 'surveyAnswered';
/** The processes whose resolutions are surveyed. */
export const SURVEYED_PROCESSES = ['service-request', 'complaint-escalation'];
