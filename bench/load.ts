/** Ad-hoc load against a running bot: `tsx bench/load.ts URL [total] [concurrency]` (profiling aid). */
import { startConnectorStandIn } from '../test/support/connectorStandIn';
import { runLoad } from './loadGenerator';

async function main(): Promise<void> {
  const [url = 'http://127.0.0.1:3978', total = '3000', concurrency = '32'] = process.argv.slice(2);
  const connector = await startConnectorStandIn();
  const texts = ['网银证书过期了怎么办', 'my online banking certificate expired', '最近的网点在哪里', 'hello', '謝謝'];
  const result = await runLoad(Number(concurrency), Number(total), async (i) => {
    connector.received.length = 0;
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `l${i}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `u${i % 256}` },
        recipient: { id: 'bot' },
        conversation: { id: `load-${i % 256}` },
        text: texts[i % texts.length],
      }),
    });
    await res.arrayBuffer();
    return res.status === 200;
  });
  console.log(JSON.stringify(result));
  await connector.close();
}

void main();
