import { languageOf } from '../common/request-language';
import type { FormField } from '../engine/definition-model';
import { validateForm } from './form-validator';

const FIELDS: FormField[] = [
  { id: 'channel', label: 'Channel', labels: { 'zh-CN': '渠道' }, type: 'enum', required: true, options: [{ id: 'phone', name: 'Phone' }] },
  { id: 'amount', label: 'Amount', type: 'decimal', required: false, min: 0 },
];

describe('form messages in the caller language', () => {
  it('writes required and type problems in zh-CN with the Chinese label, falling back to the label', () => {
    // when
    const { errors } = validateForm(FIELDS, { amount: '350.555' }, false, 'zh-CN');
    // then
    expect(errors.map((e) => e.message)).toEqual(['渠道为必填项', 'Amount：最多两位小数']);
  });

  it('keeps the English messages by default', () => {
    expect(validateForm(FIELDS, { amount: '-1' }).errors.map((e) => e.message)).toEqual(['Channel is required', 'Amount: must be at least 0']);
  });

  it('reads the language from Accept-Language', () => {
    expect(languageOf('zh-CN')).toBe('zh-CN');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(languageOf('en-US,zh;q=0.5')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});
