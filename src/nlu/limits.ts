/**
 * Input limits. A customer message longer than MAX_INPUT_CHARS code points is cut to that length
 * before any other work, so a 10,000-character paste costs no more than a long sentence and the
 * classifier's cost per message stays bounded. 500 covers every real question we have seen (the
 * longest training utterance is far shorter) with a wide margin.
 */
export const MAX_INPUT_CHARS = 500;
