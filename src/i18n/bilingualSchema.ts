import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

/** Text a data file carries in both languages; traditional Chinese is generated from `zh`. */
export const bilingualSchema = z.object({ zh: text, en: text });

/** A word list per language (keywords, aliases, test phrasings). */
export const bilingualListSchema = (min = 0) => z.object({ zh: z.array(text).min(min), en: z.array(text).min(min) });
