// Messages of form controls beyond the basic inputs (durations, read-only values) and of data incidents.
import { defineMessages } from '../define';

export default defineMessages({
  en: {
    'forms.duration.unit': 'Unit',
    'forms.duration.M': 'minutes',
    'forms.duration.H': 'hours',
    'forms.duration.D': 'days',
    'forms.readonly': 'from an earlier step',
    'forms.incident.correct': 'Correct a variable and retry',
    'forms.incident.variable': 'Variable',
    'forms.incident.value': 'New value',
    'forms.incident.retry': 'Retry',
    'forms.incident.retried': 'Retried: the incident is {status}.',
    'forms.board.incidents': 'Incidents to fix',
    'forms.board.incident': 'Incident',
    'forms.board.noIncidents': 'No open incidents.',
  },
  'zh-CN': {
    'forms.duration.unit': '单位',
    'forms.duration.M': '分钟',
    'forms.duration.H': '小时',
    'forms.duration.D': '天',
    'forms.readonly': '来自前序步骤',
    'forms.incident.correct': '更正变量并重试',
    'forms.incident.variable': '变量',
    'forms.incident.value': '新值',
    'forms.incident.retry': '重试',
    'forms.incident.retried': '已重试：事件状态为 {status}。',
    'forms.board.incidents': '待处理事件',
    'forms.board.incident': '事件',
    'forms.board.noIncidents': '没有待处理的事件。',
  },
});
