import { z } from 'zod';
import { INTENTS, type IntentId } from '../nlu/intents';
import type { Parse, SlotName } from './parse';

/**
 * Slots worth remembering across turns (what the customer told us about their situation). The
 * others (day, time, itemRef, branchInfo) only qualify the message they came in.
 */
export const REMEMBERED_SLOTS = [
  'certStatus',
  'certWhen',
  'certKind',
  'triedFailed',
  'symptom',
  'city',
  'district',
  'landmark',
  'branchService',
] as const satisfies readonly SlotName[];
export type RememberedSlot = (typeof REMEMBERED_SLOTS)[number];

/** A message naming any place replaces all three: "北京" after "上海 浦东" is not Pudong any more. */
const PLACE_SLOTS: readonly RememberedSlot[] = ['city', 'district', 'landmark'];

const shownSchema = z.discriminatedUnion('kind', [
  /** Branches just listed, by id (never their text): follow-ups are answered from the directory. */
  z.object({ kind: z.literal('branches'), ids: z.array(z.string()).max(10) }),
  /** Steps just given, by reply key: "第三步怎么做" / "then what?" refer to them. */
  z.object({ kind: z.literal('steps'), key: z.string(), next: z.string().optional() }),
]);
export type Shown = z.output<typeof shownSchema>;

const slotsSchema = z.object(Object.fromEntries(REMEMBERED_SLOTS.map((s) => [s, z.string().max(80).optional().catch(undefined)])));

/**
 * What the conversation knows, kept in conversation state between turns: slots (canonical
 * values, never the customer's words: no PII in state), the topic being handled, topics set aside
 * by a switch (resumable), and what was shown last.
 */
export const memorySchema = z.object({
  slots: slotsSchema.catch(() => ({})),
  topic: z.enum(INTENTS).optional().catch(undefined),
  suspended: z.array(z.enum(INTENTS)).max(5).catch(() => []),
  shown: shownSchema.optional().catch(undefined),
});
export type ConversationMemory = z.output<typeof memorySchema>;
export type MemorySlots = Partial<Record<RememberedSlot, string>>;

export function readMemory(raw: unknown): ConversationMemory {
  const parsed = memorySchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { slots: {}, suspended: [] };
}

export function slotOf(memory: ConversationMemory, name: RememberedSlot): string | undefined {
  const slots: MemorySlots = memory.slots;
  return slots[name];
}

function isRemembered(name: SlotName): name is RememberedSlot {
  return (REMEMBERED_SLOTS as readonly string[]).includes(name);
}

/**
 * Writes the message's slots into memory: the last positive value of a slot wins (a correction
 * overwrites), a negated value clears the slot if it held that value. Returns the slots that changed.
 */
export function fillMemory(memory: ConversationMemory, parse: Parse): Set<RememberedSlot> {
  const slots: MemorySlots = memory.slots;
  const changed = new Set<RememberedSlot>();
  if (parse.slots.some((s) => !s.negated && PLACE_SLOTS.includes(s.name as RememberedSlot))) {
    for (const p of PLACE_SLOTS) {
      if (slots[p] !== undefined) changed.add(p);
      delete slots[p];
    }
  }
  for (const slot of parse.slots) {
    if (!isRemembered(slot.name)) continue;
    if (slot.negated) {
      if (slots[slot.name] === slot.value) {
        delete slots[slot.name];
        changed.add(slot.name);
      }
      continue;
    }
    if (slots[slot.name] !== slot.value) changed.add(slot.name);
    slots[slot.name] = slot.value;
  }
  return changed;
}

/** Forgets a topic's slots (the customer cancelled it). */
export function forgetSlots(memory: ConversationMemory, names: readonly RememberedSlot[]): void {
  const slots: MemorySlots = memory.slots;
  for (const n of names) delete slots[n];
}

export function suspend(memory: ConversationMemory, topic: IntentId | undefined): void {
  if (!topic) return;
  memory.suspended = [topic, ...memory.suspended.filter((t) => t !== topic)].slice(0, 5);
}
