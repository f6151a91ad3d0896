import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';
import { loadCatalogues } from '../../src/i18n/loadCatalogues';
import { Localizer } from '../../src/i18n/localizer';
import { normalizeText } from '../../src/i18n/normalizeText';
import { matchChoice, mentionedChoice, numberOf } from '../../dialogs/choiceMatcher';
import { keyChoices } from '../../dialogs/textRef';

const localizer = new Localizer(loadCatalogues(DEFAULT_DATA_FILES.repliesDir));
const states = keyChoices('cert.state.expired', 'cert.state.expiring');
const kinds = keyChoices('cert.kind.usbKey', 'cert.kind.file', 'cert.kind.mobile');
const answer = (text: string, choices = states) => matchChoice(normalizeText(text), choices, localizer)?.id;

describe('choices on text-only channels', () => {
  it.each([
    ['1', 1],
    ['２', 2],
    ['第2个', 2],
    ['第二个', 2],
    ['三', 3],
    ['option 3', 3],
    ['12', 12],
    ['一二', undefined],
    ['1 and 2', undefined],
  ])('reads %s as number %s', (text, n) => {
    expect(numberOf(normalizeText(text))).toBe(n);
  });

  it.each([
    ['1', 'cert.state.expired'],
    ['2.', 'cert.state.expiring'],
    ['3', undefined],
    ['已经过期', 'cert.state.expired'],
    ['已經過期', 'cert.state.expired'],
    ['快过期了', 'cert.state.expiring'],
    ['还没过期', 'cert.state.expiring'],
    ['过期了', 'cert.state.expired'],
    ['Already expired', 'cert.state.expired'],
    ['it is expiring soon', 'cert.state.expiring'],
    ['不知道', undefined],
  ])('answers %s → %s', (text, id) => {
    expect(answer(text)).toBe(id);
  });

  it('accepts the label and words of either language and script', () => {
    expect(answer('手機銀行', kinds)).toBe('cert.kind.mobile');
    expect(answer('USB key', kinds)).toBe('cert.kind.usbKey');
    expect(answer('u盾', kinds)).toBe('cert.kind.usbKey');
    expect(answer('the file one', kinds)).toBe('cert.kind.file');
  });

  it('does not find an English word inside another word', () => {
    expect(answer('happy', kinds)).toBeUndefined();
  });

  it('treats a long sentence as no answer, so it can switch topic instead', () => {
    expect(answer('算了我不想弄证书了，我想问一下附近的网点几点开门，周末营业吗', kinds)).toBeUndefined();
  });

  it('finds a slot in a whole sentence only when one choice is named', () => {
    expect(mentionedChoice('我的U盾证书快要过期了', kinds, localizer)?.id).toBe('cert.kind.usbKey');
    expect(mentionedChoice('我的U盾证书快要过期了', states, localizer)?.id).toBe('cert.state.expiring');
    expect(mentionedChoice('网银证书过期/快到期', states, localizer)).toBeUndefined();
  });
});
