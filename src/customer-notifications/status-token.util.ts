// Status-page link tokens: 256 random bits, base64url in the link; only a SHA-256 hash is stored.
export { hashSurveyToken as hashStatusToken, looksLikeSurveyToken as looksLikeStatusToken, newSurveyToken as newStatusToken } from '../surveys/survey-token.util';
