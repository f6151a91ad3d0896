import type { Socket } from 'node:net';
import type { CommandContext } from './commandTable';
import { commandSpec, executeCommand } from './commandExecutor';
import { globToRegExp } from './globToRegExp';
import { ErrorReply, errors, OK, StatusReply, type Reply } from './reply';
import { encodeReply, RespParser } from './resp';

type SubscriptionKind = 'channel' | 'pattern' | 'shard';
const SUBSCRIBE: Record<string, { kind: SubscriptionKind; on: boolean }> = {
  subscribe: { kind: 'channel', on: true },
  unsubscribe: { kind: 'channel', on: false },
  psubscribe: { kind: 'pattern', on: true },
  punsubscribe: { kind: 'pattern', on: false },
  ssubscribe: { kind: 'shard', on: true },
  sunsubscribe: { kind: 'shard', on: false },
};
/** Commands about the connection itself rather than the data. */
const CONNECTION_COMMANDS: Record<string, (c: ClientConnection, args: string[]) => Reply> = {
  auth: (c, args) => c.auth(args),
  quit: (c) => c.quit(),
  ping: (c, [message]) => (c.isSubscribed() ? ['pong', message ?? ''] : message ?? new StatusReply('PONG')),
  select: (_c, [db]) => (db === '0' ? OK : new ErrorReply('ERR DB index is out of range')),
  client: (_c, [sub]) => ((sub ?? '').toUpperCase() === 'GETNAME' ? null : OK),
  multi: (c) => c.multi(),
  exec: (c) => c.exec(),
  discard: (c) => c.discard(),
  watch: () => new ErrorReply('ERR WATCH is not supported by the in-memory store; use a Lua script'),
  unwatch: () => OK,
};
const SUBSCRIBER_ALLOWED = new Set([...Object.keys(SUBSCRIBE), 'ping', 'quit', 'reset']);

/** What the server offers a connection beyond plain commands. */
export interface ConnectionHost {
  ctx: CommandContext;
  password: string;
  forget(connection: ClientConnection): void;
}

/**
 * One client socket: RESP in, RESP out, with the per-connection state Redis keeps — AUTH, MULTI's
 * queue, and subscriptions (a subscribed connection may only (un)subscribe and ping, as in Redis).
 */
export class ClientConnection {
  private readonly parser = new RespParser();
  private authed = false;
  private queued: string[][] | undefined;
  private queueFailed = false;
  private batch: string[] | undefined;
  readonly subscriptions: Record<SubscriptionKind, Map<string, RegExp | undefined>> = {
    channel: new Map(),
    pattern: new Map(),
    shard: new Map(),
  };

  constructor(
    private readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => host.forget(this));
  }

  /** Sends at once, or after the replies before it when a batch of requests is being answered. */
  send(reply: Reply): void {
    if (this.batch) this.batch.push(encodeReply(reply));
    else if (!this.socket.destroyed) this.socket.write(encodeReply(reply));
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let requests: string[][];
    try {
      requests = this.parser.push(chunk);
    } catch (err) {
      this.send(err instanceof ErrorReply ? err : new ErrorReply('ERR Protocol error'));
      this.socket.end();
      return;
    }
    // One write per chunk: a pipelined burst of commands gets its replies in one system call.
    this.batch = [];
    for (const args of requests) this.send(this.handle(args));
    const out = this.batch.join('');
    this.batch = undefined;
    if (out && !this.socket.destroyed) this.socket.write(out);
  }

  private subscriptionCount(): number {
    return this.subscriptions.channel.size + this.subscriptions.pattern.size;
  }

  private handle(args: string[]): Reply {
    const name = args[0].toLowerCase();
    if (!this.authed && name !== 'auth' && name !== 'quit') return new ErrorReply('NOAUTH Authentication required.');
    if (this.isSubscribed() && !SUBSCRIBER_ALLOWED.has(name)) {
      return new ErrorReply(`ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
    }
    if (this.queued && !['exec', 'discard', 'multi', 'watch'].includes(name)) return this.enqueue(args);
    const own = CONNECTION_COMMANDS[name];
    if (own && Object.hasOwn(CONNECTION_COMMANDS, name)) return own(this, args.slice(1));
    if (Object.hasOwn(SUBSCRIBE, name)) return this.subscribe(name, args.slice(1));
    return executeCommand(this.host.ctx, args, false);
  }

  isSubscribed(): boolean {
    return this.subscriptionCount() + this.subscriptions.shard.size > 0;
  }

  quit(): Reply {
    setImmediate(() => this.socket.end());
    return OK;
  }

  multi(): Reply {
    if (this.queued) return new ErrorReply('ERR MULTI calls can not be nested');
    this.queued = [];
    this.queueFailed = false;
    return OK;
  }

  discard(): Reply {
    if (!this.queued) return new ErrorReply('ERR DISCARD without MULTI');
    this.queued = undefined;
    return OK;
  }

  auth(args: string[]): Reply {
    const given = args[args.length - 1];
    if (args.length === 0 || args.length > 2) return errors.arity('auth');
    if (given !== this.host.password) return new ErrorReply('WRONGPASS invalid username-password pair or user is disabled.');
    this.authed = true;
    return OK;
  }

  private enqueue(args: string[]): Reply {
    const spec = commandSpec(args[0]);
    if (!spec || (spec.arity > 0 ? args.length !== spec.arity : args.length < -spec.arity)) {
      this.queueFailed = true;
      return spec ? errors.arity(args[0]) : new ErrorReply(`ERR unknown command '${args[0]}'`);
    }
    this.queued?.push(args);
    return new StatusReply('QUEUED');
  }

  /** Runs the queue in one go: nothing else can run in between, as MULTI/EXEC promises. */
  exec(): Reply {
    const queued = this.queued;
    this.queued = undefined;
    if (!queued) return new ErrorReply('ERR EXEC without MULTI');
    if (this.queueFailed) return new ErrorReply('EXECABORT Transaction discarded because of previous errors.');
    return queued.map((args) => executeCommand(this.host.ctx, args, false));
  }

  /** Each (un)subscribed name gets its own confirmation, as Redis sends them. */
  private subscribe(name: string, targets: string[]): Reply {
    const { kind, on } = SUBSCRIBE[name];
    const set = this.subscriptions[kind];
    const count = () => (kind === 'shard' ? set.size : this.subscriptionCount());
    if (on && targets.length === 0) return errors.arity(name);
    const names = targets.length > 0 ? targets : [...set.keys()];
    if (!on && names.length === 0) return this.sendAll([[name, null, count()]]);
    return this.sendAll(
      names.map((target) => {
        if (on) set.set(target, kind === 'pattern' ? globToRegExp(target) : undefined);
        else set.delete(target);
        return [name, target, count()];
      }),
    );
  }

  /** Several replies for one request: all but the last are sent now, the last is the answer. */
  private sendAll(replies: Reply[]): Reply {
    replies.slice(0, -1).forEach((reply) => this.send(reply));
    return replies[replies.length - 1];
  }
}
