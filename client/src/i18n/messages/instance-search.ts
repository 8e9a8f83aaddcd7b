// Messages of the instances screen's search by business fields and variables.
import { defineMessages } from '../define';

export default defineMessages({
  en: {
    'instances.search.customer': 'Customer',
    'instances.search.phone': 'Phone',
    'instances.search.device': 'Device',
    'instances.search.serial': 'Serial no.',
    'instances.search.variable': 'Variable (name:value)',
  },
  'zh-CN': {
    'instances.search.customer': '客户',
    'instances.search.phone': '电话',
    'instances.search.device': '设备',
    'instances.search.serial': '序列号',
    'instances.search.variable': '变量(名称:值)',
  },
});
