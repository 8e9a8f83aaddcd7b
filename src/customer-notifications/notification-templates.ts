// The customer's messages per event in zh-CN and en: a subject (e-mail) and a short text that ends with the status link.
import { DateTime } from 'luxon';

export type NotifyLanguage = 'zh-CN' | 'en';
export const NOTIFY_LANGUAGES: NotifyLanguage[] = ['zh-CN', 'en'];

export interface TemplateInput {
  language: NotifyLanguage;
  businessKey: string | null;
  facts: Record<string, unknown>;
  link: string;
  timeZone: string;
}

type Text = (f: Facts) => { subject: string; body: string };
interface Facts {
  name: string;
  ref: string;
  when: string;
  technician: string;
  amount: string;
  until: string;
}

const TEMPLATES: Record<string, Record<NotifyLanguage, Text>> = {
  requestReceived: {
    'zh-CN': (f) => ({ subject: `已收到您的报修 ${f.ref}`, body: `尊敬的${f.name}，我们已收到您的报修（${f.ref}），会尽快与您联系。` }),
    en: (f) => ({ subject: `We received your service request ${f.ref}`, body: `Dear ${f.name}, we received your service request (${f.ref}) and will contact you shortly.` }),
  },
  appointmentConfirmed: {
    'zh-CN': (f) => ({ subject: `上门时间已确认 ${f.ref}`, body: `尊敬的${f.name}，技术员${f.technician}将于${f.when}上门服务。` }),
    en: (f) => ({ subject: `Your appointment is confirmed ${f.ref}`, body: `Dear ${f.name}, technician ${f.technician} will visit you on ${f.when}.` }),
  },
  quoteSent: {
    'zh-CN': (f) => ({ subject: `维修报价待您确认 ${f.ref}`, body: `尊敬的${f.name}，您的设备已过保修期，维修报价为 ¥${f.amount}。请通过下面的链接接受或拒绝报价。` }),
    en: (f) => ({ subject: `A repair quote awaits your consent ${f.ref}`, body: `Dear ${f.name}, your device is out of warranty; the repair is quoted at ¥${f.amount}. Please accept or decline the quote at the link below.` }),
  },
  requestClosed: {
    'zh-CN': (f) => ({ subject: `维修已完成 ${f.ref}`, body: `尊敬的${f.name}，您的报修（${f.ref}）已处理完毕。感谢您的耐心。` }),
    en: (f) => ({ subject: `Your repair is done ${f.ref}`, body: `Dear ${f.name}, your service request (${f.ref}) is completed. Thank you for your patience.` }),
  },
  // named in processes/README.md for a diagram that notifies when the repair itself is done
  repairCompleted: {
    'zh-CN': (f) => ({ subject: `维修已完成 ${f.ref}`, body: `尊敬的${f.name}，您的设备已修好。` }),
    en: (f) => ({ subject: `Your repair is done ${f.ref}`, body: `Dear ${f.name}, your device has been repaired.` }),
  },
  complaintReceived: {
    'zh-CN': (f) => ({ subject: `已收到您的投诉 ${f.ref}`, body: `尊敬的${f.name}，我们已收到您的投诉（${f.ref}），专人会尽快处理。` }),
    en: (f) => ({ subject: `We received your complaint ${f.ref}`, body: `Dear ${f.name}, we received your complaint (${f.ref}); a handler will take care of it shortly.` }),
  },
  complaintResolved: {
    'zh-CN': (f) => ({ subject: `您的投诉已处理 ${f.ref}`, body: `尊敬的${f.name}，您的投诉（${f.ref}）已处理完毕。` }),
    en: (f) => ({ subject: `Your complaint is resolved ${f.ref}`, body: `Dear ${f.name}, your complaint (${f.ref}) has been resolved.` }),
  },
  // the satisfaction survey (src/surveys): its link is the survey page, valid until `until`
  survey: {
    'zh-CN': (f) => ({ subject: `请评价我们的服务 ${f.ref}`, body: `尊敬的${f.name}，您的服务请求（${f.ref}）已处理完毕。请花一分钟评价我们的服务（${f.until}前有效）。` }),
    en: (f) => ({ subject: `How did we do? ${f.ref}`, body: `Dear ${f.name}, your request (${f.ref}) is resolved. Please take a minute to tell us how we did (the link works until ${f.until}).` }),
  },
  surveyReminder: {
    'zh-CN': (f) => ({ subject: `提醒：请评价我们的服务 ${f.ref}`, body: `尊敬的${f.name}，您还没有评价我们对（${f.ref}）的服务。链接在${f.until}前有效。` }),
    en: (f) => ({ subject: `Reminder: how did we do? ${f.ref}`, body: `Dear ${f.name}, you have not yet told us how we did on ${f.ref}. The link works until ${f.until}.` }),
  },
  statusUpdate: {
    'zh-CN': (f) => ({ subject: `您的服务进度有更新 ${f.ref}`, body: `尊敬的${f.name}，您的服务请求（${f.ref}）有新的进展。` }),
    en: (f) => ({ subject: `An update on your request ${f.ref}`, body: `Dear ${f.name}, there is news on your request (${f.ref}).` }),
  },
};

const LINK_LABEL: Record<NotifyLanguage, string> = { 'zh-CN': '查看进度：', en: 'See the progress: ' };
const SURVEY_LINK_LABEL: Record<NotifyLanguage, string> = { 'zh-CN': '评价链接：', en: 'Rate our service: ' };
const CUSTOMER: Record<NotifyLanguage, string> = { 'zh-CN': '客户', en: 'customer' };

/** Unknown template names fall back to a generic status update (a diagram may name one we do not ship). */
export function renderNotification(input: TemplateInput): { subject: string; body: string } {
  const { language, facts } = input;
  const name = String(facts.template ?? '');
  const text = (TEMPLATES[name] ?? TEMPLATES.statusUpdate)[language];
  const out = text({
    name: String(facts.customerName ?? CUSTOMER[language]),
    ref: input.businessKey ?? '',
    when: formatWhen(facts.appointmentAt, language, input.timeZone),
    technician: String(facts.technician ?? ''),
    amount: String(facts.quoteAmount ?? facts.estimatedCost ?? ''),
    until: formatWhen(facts.expiresAt, language, input.timeZone),
  });
  const label = name.startsWith('survey') ? SURVEY_LINK_LABEL : LINK_LABEL;
  return { subject: out.subject.trim(), body: `${out.body}\n\n${label[language]}${input.link}` };
}

export function languageOf(wanted: unknown, fallback: NotifyLanguage): NotifyLanguage {
  if (typeof wanted !== 'string') return fallback;
  if (/^zh/i.test(wanted)) return 'zh-CN';
  if (/^en/i.test(wanted)) return 'en';
  return fallback;
}

function formatWhen(value: unknown, language: NotifyLanguage, zone: string): string {
  const at = typeof value === 'string' ? DateTime.fromISO(value, { zone }) : null;
  if (!at?.isValid) return '';
  return language === 'zh-CN' ? at.setLocale('zh-CN').toFormat('yyyy年M月d日 HH:mm') : at.setLocale('en').toFormat('d LLL yyyy, HH:mm');
}
