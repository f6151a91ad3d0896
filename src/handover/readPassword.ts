import { createInterface } from 'node:readline';

/** The first line of piped stdin (`echo "$PW" | npm run agent -- add alice`). */
async function fromPipe(input: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Reads one line from the terminal without echoing it. */
function hidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt);
    const rl = createInterface({ input, output: undefined, terminal: true });
    rl.once('line', (line) => {
      output.write('\n');
      rl.close();
      resolve(line);
    });
    rl.once('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}

/** Typed twice at a terminal (no echo), or read from stdin when piped. */
export async function readPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) return fromPipe(input);
  const first = await hidden('Password: ', input, output);
  const second = await hidden('Repeat password: ', input, output);
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}
