// Messages of the board's server memory: the next escalation time of a running escalation.
import { defineMessages } from '../define';

export default defineMessages({
  en: {
    'boardMemory.nextLevel': 'Next level at {time}',
    'boardMemory.lastLevel': 'Highest level: no further escalation',
  },
  'zh-CN': {
    'boardMemory.nextLevel': '{time} 升级到下一级',
    'boardMemory.lastLevel': '已是最高级别：不再升级',
  },
});
