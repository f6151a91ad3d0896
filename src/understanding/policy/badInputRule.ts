import type { ReplyKey } from '../../i18n/catalogueSchema';
import { t } from '../../../dialogs/textRef';
import type { BadInputKind } from '../parse';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

const REPLY: Record<BadInputKind, ReplyKey> = {
  empty: 'common.emptyInput',
  tooLong: 'badInput.tooLong',
  noWords: 'badInput.noWords',
  markup: 'badInput.markup',
  foreignLanguage: 'badInput.foreignLanguage',
};

/**
 * Empty, 10,000 characters, emoji only, bare HTML, a language we don't serve: a polite note, the
 * question again, nothing changed. A message that is only files (Web Chat's upload outside a
 * handover) is empty too, but says so in its own words: the bot cannot look at files, a person can.
 */
export const badInputRule: PolicyRule = {
  id: RuleId.BadInput,
  async decide(turn) {
    const { bad } = turn.input.parse;
    if (!bad || (bad === 'empty' && turn.input.location)) return false;
    const onlyFiles = bad === 'empty' && (turn.dc.context.activity.attachments?.length ?? 0) > 0;
    turn.services.replies.say(turn.dc.context, t(onlyFiles ? 'badInput.fileOnly' : REPLY[bad]));
    turn.reprompt();
    return true;
  },
};
