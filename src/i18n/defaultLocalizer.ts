import { DEFAULT_DATA_FILES } from './dataFiles';
import { loadCatalogues } from './loadCatalogues';
import { Localizer } from './localizer';

let shared: Localizer | undefined;

/**
 * A localizer over the repository's own catalogues (`intents/replies/`), for subsystems built
 * outside the bot (handover, WeChat notices) when the composition root does not hand one in.
 * Memoized so the catalogues are read and validated once per process, not once per subsystem;
 * synchronous, like the bot's own loading, so a bad catalogue fails the start.
 */
export function defaultLocalizer(): Localizer {
  shared ??= new Localizer(loadCatalogues(DEFAULT_DATA_FILES.repliesDir));
  return shared;
}
