import { customerLabel } from '../../src/handover/customerLabel';

describe('what the console calls a customer', () => {
  it('masks all but the first character of a Chinese display name', () => {
    expect(customerLabel('张伟', 'msteams/a')).toBe('张*');
    expect(customerLabel('欧阳娜娜', 'msteams/a')).toBe('欧***');
  });

  it('keeps a first name masked and only the initial of the others', () => {
    expect(customerLabel('John Smith', 'msteams/a')).toBe('J*** S.');
  });

  it('shows a short stable id, never the conversation key, when there is no name', () => {
    const label = customerLabel('', 'directline/abc123');
    expect(label).toMatch(/^#[0-9A-F]{6}$/);
    expect(customerLabel('  ', 'directline/abc123')).toBe(label);
    expect(customerLabel('', 'directline/other')).not.toBe(label);
  });

  it('never shows a phone number or e-mail address given as a name', () => {
    expect(customerLabel('13812345678', 'wechat/x')).toMatch(/^#/);
    expect(customerLabel('li@example.com', 'wechat/x')).toMatch(/^#/);
  });
});
