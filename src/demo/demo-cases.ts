// One simulated customer case: what the customer reports and how it will go (drawn at arrival from the seed).
import { DEMO_REGIONS } from './demo-staff';
import type { Random } from './demo-random.util';

const CHANNEL_WEIGHTS = { phone: 35, wechat: 25, app: 15, web: 12, email: 8, chat: 5 };
const DEVICES = ['WM-200 washing machine', 'AC-3000 air conditioner', 'RF-550 refrigerator', 'DW-12 dishwasher', 'TV-65Q television'];
const FAULTS = ['drum does not spin', 'no cooling', 'water leaking', 'error code E21', 'does not power on', 'loud noise'];
const NAMES = ['Li Wei', '王芳', 'Zhang Min', '陈静', 'Liu Yang', '赵丽', 'Huang Lei', '周婷', 'Wu Gang', '孙悦'];

export interface DemoCase {
  kind: 'service-request' | 'complaint';
  businessKey: string;
  variables: Record<string, unknown>;
  /** How the case will go; read by the decisions of each task. */
  fate: {
    priority: 'P1' | 'P2' | 'P3' | 'P4';
    faultType: string;
    simple: boolean;
    remoteFixed: boolean;
    partsNeeded: boolean;
    quoteAccepted: boolean;
    fixedFirstTime: boolean;
    understood: boolean;
    satisfaction: number; // 1–5
    answersSurvey: boolean;
    l1Slow: boolean; // the complaint's first handler misses the time limit
    l2Slow: boolean;
  };
}

/** A case arriving now; `remoteFirst` (the second process version's pilot) raises the share of remote fixes. */
export function drawCase(r: Random, n: number, kind: DemoCase['kind'], remoteFirst: boolean): DemoCase {
  const channel = r.weighted(CHANNEL_WEIGHTS);
  const customerName = r.pick(NAMES);
  // Demo customers get no notifications (each is logged as skipped), whatever gateways are configured.
  const common = { channel, customerName, customerContact: `+86 139 ${String(1000 + n).padStart(4, '0')} ${String(r.int(1000, 9999))}`, demo: true, notificationsOptOut: true };
  const simple = r.chance(remoteFirst ? 0.5 : 0.35);
  const fixedFirstTime = r.chance(0.85);
  const slow = r.chance(0.25);
  const fate: DemoCase['fate'] = {
    priority: r.weighted({ P1: 8, P2: 22, P3: 50, P4: 20 }),
    faultType: r.weighted({ hardware: 50, software: 25, installation: 15, other: 10 }),
    simple,
    remoteFixed: simple && r.chance(remoteFirst ? 0.8 : 0.65),
    partsNeeded: r.chance(0.3),
    quoteAccepted: r.chance(0.8),
    fixedFirstTime,
    understood: r.chance(0.93),
    satisfaction: Math.max(1, Math.min(5, Math.round(r.lognormal(fixedFirstTime && !slow ? 4.4 : 3.1, 0.2)))),
    answersSurvey: r.chance(0.65),
    l1Slow: slow,
    l2Slow: r.chance(0.2),
  };
  if (kind === 'complaint') {
    const variables = { ...common, complaint: r.pick(['The technician came late', 'Charged twice for one repair', 'Nobody called back', 'The same fault came back']), urgent: r.chance(0.3) };
    return { kind, businessKey: `DEMO-C-${String(n).padStart(5, '0')}`, variables, fate };
  }
  const variables = { ...common, deviceModel: r.pick(DEVICES), faultDescription: r.pick(FAULTS), inWarranty: r.chance(0.7), region: r.pick(DEMO_REGIONS), customerLanguage: r.chance(0.7) ? 'zh-CN' : 'en' };
  return { kind, businessKey: `DEMO-R-${String(n).padStart(5, '0')}`, variables, fate };
}
