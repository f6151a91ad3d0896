/** Ad-hoc load against a running bot: `tsx bench/load.ts URL [total] [concurrency]` (e.g. under --cpu-prof). */
import { startConnectorStandIn } from '../test/support/connectorStandIn';
import { benchMessage, postBenchMessage } from './benchMessage';
import { runLoad } from './loadGenerator';

async function main(): Promise<void> {
  const [url = 'http://127.0.0.1:3978', total = '3000', concurrency = '32'] = process.argv.slice(2);
  const connector = await startConnectorStandIn();
  const label = `load${Date.now()}`;
  const result = await runLoad(Number(concurrency), Number(total), (i) => {
    connector.received.length = 0;
    return postBenchMessage(url, benchMessage(`${label}-${i}`, i, label, connector.url, 256));
  });
  console.log(JSON.stringify(result));
  await connector.close();
}

void main();
