import type { CommandContext, CommandSpec, CommandTable } from './commandTable';
import { hashCommands } from './commands/hashCommands';
import { keyCommands } from './commands/keyCommands';
import { listCommands } from './commands/listCommands';
import { serverCommands } from './commands/serverCommands';
import { setCommands } from './commands/setCommands';
import { sortedSetCommands } from './commands/sortedSetCommands';
import { stringCommands } from './commands/stringCommands';
import { ErrorReply, errors, type Reply } from './reply';

/** Every data command the in-memory Redis knows, by lower-case name; a new group adds one line. */
export const COMMANDS: CommandTable = {
  ...keyCommands,
  ...stringCommands,
  ...hashCommands,
  ...listCommands,
  ...setCommands,
  ...sortedSetCommands,
  ...serverCommands,
};

export function commandSpec(name: string): CommandSpec | undefined {
  return Object.hasOwn(COMMANDS, name.toLowerCase()) ? COMMANDS[name.toLowerCase()] : undefined;
}

/**
 * Looks a command up, checks its argument count and runs it. Errors are answered, never thrown:
 * a client (or a script's `redis.pcall`) gets the same error line a real Redis would send.
 */
export function executeCommand(ctx: CommandContext, args: string[], fromScript: boolean): Reply {
  const [name, ...rest] = args;
  const spec = commandSpec(name);
  if (!spec) {
    return new ErrorReply(`ERR unknown command '${name}', with args beginning with: ${rest.slice(0, 3).map((a) => `'${a}'`).join(' ')}`);
  }
  if (fromScript && spec.scriptable === false) return new ErrorReply('ERR This Redis command is not allowed from script');
  if (spec.arity > 0 ? args.length !== spec.arity : args.length < -spec.arity) return errors.arity(name);
  try {
    return spec.run(ctx, rest);
  } catch (err) {
    if (err instanceof ErrorReply) return err;
    return new ErrorReply(`ERR ${err instanceof Error ? err.message : String(err)}`);
  }
}
