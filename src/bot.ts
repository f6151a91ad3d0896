import { ActivityTypes, type BotState, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { flushOutbox } from '../dialogs/outbox';
import { FlowRegistry } from '../dialogs/index';
import type { FlowServices } from '../dialogs/flowTypes';
import { Replies } from '../dialogs/replies';
import { loadBranches } from './branches/loadBranches';
import { loadFaq } from './faq/loadFaq';
import type { HandoverPort } from './handover/handoverPort';
import { DEFAULT_DATA_FILES, type DataFiles } from './i18n/dataFiles';
import { loadCatalogues } from './i18n/loadCatalogues';
import { Localizer } from './i18n/localizer';
import type { TraditionalVariant } from './i18n/scriptConverters';
import type { Recognizer } from './nlu/types';
import { Router } from './router';
import { loadLexicons } from './understanding/loadLexicons';
import { Parser } from './understanding/parser';
import { pinyinReadingOf } from './understanding/pinyinReadingOf';
import type { TurnBot } from './turnBot';

export interface BotDeps {
  conversationState: BotState;
  userState: BotState;
  recognizer: Recognizer;
  handover: HandoverPort;
  /** Other data files (a bank's own branches, FAQ or wording). Default: the repository's `intents/`. */
  dataFiles?: Partial<DataFiles>;
  /** Traditional-Chinese phrasing when the channel does not say (zh-HK / zh-MO get `hk`). Default `tw`. */
  traditionalVariant?: TraditionalVariant;
}

/**
 * The customer-service bot. The constructor loads and validates the data files synchronously, so
 * a bad catalogue, FAQ or branch file stops the start with the file and field named. Each turn:
 * the router decides what happens, the dialogs collect replies, and one message goes out at the
 * end. State is only read and changed here; the runtime saves it once per turn.
 */
export class CustomerServiceBot implements TurnBot {
  private readonly router: Router;
  private readonly handlers: Partial<Record<string, (ctx: TurnContext) => Promise<void>>>;

  constructor(deps: BotDeps) {
    const files: DataFiles = { ...DEFAULT_DATA_FILES, ...deps.dataFiles };
    const catalogues = loadCatalogues(files.repliesDir);
    const localizer = new Localizer(catalogues);
    const branches = loadBranches(files.branchesFile);
    const lexicons = loadLexicons(files.understandingDir);
    const parser = new Parser(lexicons, branches.placeSlots());
    const faq = loadFaq(files.faqFile);
    // Pinyin is written with the words of our own data: what the lexicons, FAQ, replies and branches say.
    const pinyin = pinyinReadingOf(() => ({ lexicons, faqEntries: faq.entries, zh: catalogues.zh, en: catalogues.en, branches: branches.branches }));
    const services: FlowServices = {
      localizer,
      replies: new Replies(localizer),
      branches,
      faq,
      handover: {
        // The handover sends its own message: ours must go first.
        request: async (ctx, request) => {
          await flushOutbox(ctx);
          await deps.handover.request(ctx, request);
        },
      },
    };
    const registry = new FlowRegistry();
    const dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    const { dialogs, ask } = registry.createDialogSet(dialogState, services);
    this.router = new Router({
      conversationState: deps.conversationState,
      userState: deps.userState,
      recognizer: deps.recognizer,
      parser,
      pinyin,
      registry,
      services,
      dialogs,
      dialogState,
      ask,
      traditionalVariant: deps.traditionalVariant ?? 'tw',
    });
    this.handlers = {
      [ActivityTypes.Message]: (ctx) => this.router.onMessage(ctx),
      [ActivityTypes.ConversationUpdate]: (ctx) => this.onConversationUpdate(ctx),
    };
  }

  async run(ctx: TurnContext): Promise<void> {
    const handler = this.handlers[ctx.activity.type];
    if (!handler) return;
    await handler(ctx);
    await flushOutbox(ctx);
  }

  private async onConversationUpdate(ctx: TurnContext): Promise<void> {
    const added = ctx.activity.membersAdded ?? [];
    if (added.some((m) => m.id !== ctx.activity.recipient?.id)) await this.router.onMembersAdded(ctx);
  }
}
