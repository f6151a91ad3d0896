import type { Bilingual } from '../i18n/localizer';
import { findWords, longestHits } from '../i18n/findWords';
import { normalizeText } from '../i18n/normalizeText';
import type { Branch, BranchFile, City, ServiceId } from './branchSchema';
import { distanceKm } from './distanceKm';

export interface BranchMatch {
  branch: Branch;
  /** Set for searches by location. */
  distanceKm?: number;
}

type Target = { kind: 'city'; city: string } | { kind: 'district'; city: string; district: string } | { kind: 'branch'; id: string };

/** District names are also matched without their suffix: customers say 浦东 for 浦东新区. */
const DISTRICT_SUFFIX = /(新区|区|县|市)$/;

/**
 * The branch directory: search by what a customer typed (city, district, landmark, branch name)
 * or by a shared location (nearest first). A landmark or branch name beats a district, which
 * beats a city, so "上海 陆家嘴" lists the Lujiazui branch, not all of Shanghai.
 */
export class BranchDirectory {
  private readonly vocabulary: Array<{ word: string; value: Target }> = [];

  constructor(private readonly file: BranchFile) {
    const add = (text: string, value: Target) => {
      const word = normalizeText(text);
      if (word.length >= 2) this.vocabulary.push({ word, value });
    };
    for (const city of file.cities) {
      for (const text of [city.name.zh, city.name.en, ...city.aliases]) add(text, { kind: 'city', city: city.id });
    }
    for (const b of file.branches) {
      const district = { kind: 'district', city: b.city, district: b.district.en } as const;
      for (const text of [b.district.zh, b.district.zh.replace(DISTRICT_SUFFIX, ''), b.district.en]) add(text, district);
      for (const text of [b.name.zh, b.name.en, ...b.keywords]) add(text, { kind: 'branch', id: b.id });
    }
  }

  /** The place words the directory knows, as slots for the parse: city id, district, branch id (landmark). */
  placeSlots(): Array<{ word: string; value: { slot: 'city' | 'district' | 'landmark'; value: string } }> {
    return this.vocabulary.map(({ word, value }) => ({
      word,
      value:
        value.kind === 'city'
          ? { slot: 'city', value: value.city }
          : value.kind === 'district'
            ? { slot: 'district', value: `${value.city}/${value.district}` }
            : { slot: 'landmark', value: value.id },
    }));
  }

  get cities(): readonly City[] {
    return this.file.cities;
  }

  get branches(): readonly Branch[] {
    return this.file.branches;
  }

  cityName(id: string): Bilingual | undefined {
    return this.file.cities.find((c) => c.id === id)?.name;
  }

  /** Branches matching the text, or none when it names no city, district or landmark we know. */
  search(text: string, service?: ServiceId): BranchMatch[] {
    const hits = longestHits(findWords(normalizeText(text), this.vocabulary)).map((h) => h.value);
    const ids = new Set(hits.flatMap((t) => (t.kind === 'branch' ? [t.id] : [])));
    const districts = hits.flatMap((t) => (t.kind === 'district' ? [t] : []));
    const cities = new Set(hits.flatMap((t) => (t.kind === 'city' ? [t.city] : [])));
    let found: Branch[];
    if (ids.size > 0) found = this.file.branches.filter((b) => ids.has(b.id));
    else if (districts.length > 0) {
      found = this.file.branches.filter(
        (b) => districts.some((d) => d.city === b.city && d.district === b.district.en) && (cities.size === 0 || cities.has(b.city)),
      );
    } else found = this.file.branches.filter((b) => cities.has(b.city));
    return found.filter((b) => offers(b, service)).map((branch) => ({ branch }));
  }

  /** Branches for remembered place slots: a landmark (branch id) beats a district (`city/District`), which beats a city. */
  find(place: { city?: string; district?: string; landmark?: string }, service?: ServiceId): BranchMatch[] {
    let found: readonly Branch[] = [];
    if (place.landmark) found = this.file.branches.filter((b) => b.id === place.landmark);
    else if (place.district) found = this.file.branches.filter((b) => `${b.city}/${b.district.en}` === place.district);
    else if (place.city) found = this.file.branches.filter((b) => b.city === place.city);
    return found.filter((b) => offers(b, service)).map((branch) => ({ branch }));
  }

  /** True when the text names something the directory knows (used to accept free-text answers). */
  recognizes(text: string): boolean {
    return findWords(normalizeText(text), this.vocabulary).length > 0;
  }

  nearest(latitude: number, longitude: number, count: number, service?: ServiceId): BranchMatch[] {
    return this.file.branches
      .filter((b) => offers(b, service))
      .map((branch) => ({ branch, distanceKm: distanceKm(latitude, longitude, branch.lat, branch.lon) }))
      .sort((a, b) => a.distanceKm - b.distanceKm)
      .slice(0, count);
  }
}

function offers(branch: Branch, service: ServiceId | undefined): boolean {
  return service === undefined || branch.services.includes(service);
}
