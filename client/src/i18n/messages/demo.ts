// Messages of the demo-data banner.
import { defineMessages } from '../define';

export default defineMessages({
  en: {
    'demo.banner': 'Demo data: {instances} simulated requests, complaints and surveys from {from} to {to}. Nothing here is a real customer.',
    'demo.remove': 'Remove demo data',
    'demo.confirmRemove': 'Remove all demo requests, complaints, surveys, demo users and the demo process version?',
  },
  'zh-CN': {
    'demo.banner': '演示数据：{from} 至 {to} 期间模拟的 {instances} 条报修、投诉和调查，均非真实客户。',
    'demo.remove': '删除演示数据',
    'demo.confirmRemove': '删除所有演示报修、投诉、调查、演示用户和演示流程版本？',
  },
});
