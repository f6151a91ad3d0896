/**
 * An inverted index from term to (item, weight) pairs, packed into typed arrays once built, that
 * accumulates a weighted query into a reusable score array. The FAQ runs on many turns, so a
 * search touches only the items sharing a term with the question and allocates almost nothing.
 */
export class PostingIndex {
  private readonly building = new Map<string, { items: number[]; weights: number[] }>();
  private readonly packed = new Map<string, { items: Int32Array; weights: Float64Array }>();
  private size = 0;

  add(term: string, item: number, weight: number): void {
    const list = this.building.get(term) ?? { items: [], weights: [] };
    list.items.push(item);
    list.weights.push(weight);
    this.building.set(term, list);
    this.size = Math.max(this.size, item + 1);
  }

  /** Packs the lists; call once after the last `add`. */
  freeze(): void {
    for (const [term, list] of this.building) this.packed.set(term, { items: Int32Array.from(list.items), weights: Float64Array.from(list.weights) });
    this.building.clear();
  }

  /** A score array for `accumulate`, one slot per item. */
  scores(): Float64Array {
    return new Float64Array(this.size);
  }

  /**
   * Adds query weight × posting weight into `scores` for every item sharing a term; returns the
   * items touched (each once), so the caller can read and then zero just those.
   */
  accumulate(query: ReadonlyMap<string, number>, scores: Float64Array): number[] {
    const touched: number[] = [];
    for (const [term, w] of query) {
      const list = this.packed.get(term);
      if (!list) continue;
      const { items, weights } = list;
      for (let i = 0; i < items.length; i += 1) {
        const item = items[i];
        if (scores[item] === 0) touched.push(item);
        scores[item] += w * weights[i];
      }
    }
    return touched;
  }
}
