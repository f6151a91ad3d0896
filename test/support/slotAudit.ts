import calculateSlot from 'cluster-key-slot';
import { Redis, type Command } from 'ioredis';

/** One atomic unit as Redis Cluster sees it: a command, a script call, or a MULTI … EXEC block. */
export interface AtomicUnit {
  what: string;
  keys: string[];
}

/**
 * Records, for every ioredis client in this process, each command's keys (as ioredis computes
 * them to route on a cluster: `Command#getKeys`, EVAL/EVALSHA's declared KEYS included) and
 * groups MULTI … EXEC blocks, so a test can require that every unit touches one hash slot
 * (a cluster answers CROSSSLOT otherwise). A script that builds key names inside Lua is caught by
 * the real-cluster suite (test/topologies/), not here.
 */
export class SlotAudit {
  readonly units: AtomicUnit[] = [];
  readonly scriptShas = new Set<string>();
  private readonly open = new WeakMap<object, AtomicUnit>();
  private original: typeof Redis.prototype.sendCommand | undefined;

  install(): void {
    const original = Redis.prototype.sendCommand;
    this.original = original;
    const audit = this;
    Redis.prototype.sendCommand = function (this: Redis, command: Command, stream?: Parameters<typeof original>[1]) {
      audit.record(this, command);
      return original.call(this, command, stream);
    };
  }

  uninstall(): void {
    if (this.original) Redis.prototype.sendCommand = this.original;
  }

  private record(client: object, command: Command): void {
    const name = command.name.toLowerCase();
    const keys = command.getKeys().map(String);
    if (name === 'evalsha') this.scriptShas.add(String(command.args[0]));
    const block = this.open.get(client);
    if (name === 'multi') {
      this.open.set(client, { what: 'MULTI', keys: [] });
      return;
    }
    if (block && (name === 'exec' || name === 'discard')) {
      this.open.delete(client);
      this.units.push(block);
      return;
    }
    if (block) {
      block.what += ` ${name}`;
      block.keys.push(...keys);
      return;
    }
    const what = name === 'evalsha' || name === 'eval' ? `${name} ${String(command.args[0]).slice(0, 12)}` : name;
    if (keys.length > 0) this.units.push({ what, keys });
  }

  /** Units whose keys fall in more than one slot, with the slots, for a readable failure. */
  crossSlot(): Array<AtomicUnit & { slots: number[] }> {
    return this.units.flatMap((unit) => {
      const slots = [...new Set(unit.keys.map((k) => calculateSlot(k)))];
      return slots.length > 1 ? [{ ...unit, slots }] : [];
    });
  }
}
