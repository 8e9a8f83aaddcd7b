// Messages of a request's comments and attachments (task panel and instance viewer).
import { defineMessages } from '../define';

export default defineMessages({
  en: {
    'notes.title': 'Comments and attachments',
    'notes.comment': 'Comment',
    'notes.visibility': 'Who may see it',
    'notes.visibility.internal': 'internal',
    'notes.visibility.customer': 'customer-visible',
    'notes.add': 'Add comment',
    'notes.attach': 'Attach a photo or PDF (≤ 10 MB)',
  },
  'zh-CN': {
    'notes.title': '备注与附件',
    'notes.comment': '备注',
    'notes.visibility': '可见范围',
    'notes.visibility.internal': '仅内部',
    'notes.visibility.customer': '客户可见',
    'notes.add': '添加备注',
    'notes.attach': '上传照片或 PDF（≤ 10 MB）',
  },
});
