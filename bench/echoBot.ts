/**
 * The ceiling for `npm run bench`: a bare botbuilder echo bot on the same restify 11 with
 * MemoryStorage, as in Microsoft's echo-bot sample (state loaded and saved once per turn so it
 * pays for what a stateful bot pays at minimum). Listens on the port given as argv[2].
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
} from 'botbuilder';
import restify from 'restify';

const port = Number(process.argv[2] ?? 3979);
const state = new ConversationState(new MemoryStorage());
const turns = state.createProperty<number>('turns');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (ctx, next) => {
      await turns.set(ctx, ((await turns.get(ctx, 0)) ?? 0) + 1);
      await ctx.sendActivity(`Echo: ${ctx.activity.text ?? ''}`);
      await next();
    });
  }
}

const bot = new EchoBot();
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (ctx) => {
    await bot.run(ctx);
    await state.saveChanges(ctx);
  });
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
