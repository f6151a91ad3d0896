import type { TraditionalVariant } from '../i18n/scriptConverters';
import type { Recognition } from '../nlu/types';

/** Characters only written Cantonese uses: a customer writing them reads Hong Kong phrasing. */
const CANTONESE = /[冇唔咗嘢嘅佢哋啲喺嚟咩畀俾嗰噉揾搵嘥攞]|[点點](算|样|樣|解)/u;

/**
 * The regional phrasing for traditional-script replies: what the message shows (Cantonese → Hong
 * Kong, the classifier's `variant`), else what the channel's locale says.
 */
export function regionalVariant(
  text: string,
  recognition: Recognition,
  earlier: TraditionalVariant | undefined,
  fromChannel: TraditionalVariant,
): { variant: TraditionalVariant; shown?: TraditionalVariant; cantonese: boolean } {
  const cantonese = recognition.variant === 'hk' || CANTONESE.test(text);
  const shown = cantonese ? 'hk' : recognition.variant;
  return { variant: shown ?? earlier ?? fromChannel, shown, cantonese };
}
