import type { StatePropertyAccessor } from 'botbuilder';
import { DialogSet } from './dialogKit';
import type { DialogState } from 'botbuilder-dialogs';
import type { IntentId } from '../src/nlu/intents';
import { AskDialog, type FreeTextAcceptors } from './askDialog';
import { branchVisitFlow } from './branchVisitDialog';
import { certExpiredFlow } from './certExpiredDialog';
import { faqFlow } from './faqDialog';
import type { FlowDefinition, FlowServices } from './flowTypes';
import { fraudReportFlow } from './fraudReportDialog';
import { goodbyeFlow } from './goodbyeDialog';
import { humanAgentFlow } from './humanAgentDialog';
import { humanOfferFlow } from './humanOfferDialog';
import { mainMenuFlow } from './mainMenuDialog';
import { phishingFlow } from './phishingDialog';
import { securityAdviceFlow } from './securityAdviceDialog';

/**
 * THE registry: every flow, once. A new flow is its dialog file, one line here, its replies in
 * the catalogues and its test; the router finds it by intent and needs no change.
 */
export const FLOWS: readonly FlowDefinition[] = [
  mainMenuFlow,
  certExpiredFlow,
  branchVisitFlow,
  securityAdviceFlow,
  fraudReportFlow,
  goodbyeFlow,
  humanAgentFlow,
  faqFlow,
  humanOfferFlow,
  phishingFlow,
];

export class FlowRegistry {
  private readonly byIntent = new Map<IntentId, FlowDefinition>();
  private readonly byDialog = new Map<string, FlowDefinition>();

  constructor(readonly flows: readonly FlowDefinition[] = FLOWS) {
    for (const flow of flows) {
      if (this.byDialog.has(flow.dialogId)) throw new Error(`FlowRegistry: dialog "${flow.dialogId}" registered twice`);
      this.byDialog.set(flow.dialogId, flow);
      for (const intent of flow.intents) {
        const other = this.byIntent.get(intent);
        if (other) throw new Error(`FlowRegistry: intent "${intent}" claimed by both ${other.dialogId} and ${flow.dialogId}`);
        this.byIntent.set(intent, flow);
      }
    }
  }

  forIntent(intent: IntentId): FlowDefinition | undefined {
    return this.byIntent.get(intent);
  }

  forDialog(dialogId: string | undefined): FlowDefinition | undefined {
    return dialogId === undefined ? undefined : this.byDialog.get(dialogId);
  }

  /** One flat DialogSet: the flows plus the shared question dialog they all wait in. */
  createDialogSet(state: StatePropertyAccessor<DialogState>, services: FlowServices): { dialogs: DialogSet; ask: AskDialog } {
    const acceptors: FreeTextAcceptors = {
      none: () => false,
      anyText: (input) => input.normalized !== '',
      branchQuery: (input) => input.location !== undefined || services.branches.recognizes(input.normalized),
    };
    const ask = new AskDialog(services.replies, services.localizer, acceptors);
    const dialogs = new DialogSet(state).add(ask);
    for (const flow of this.flows) dialogs.add(flow.create(services));
    return { dialogs, ask };
  }
}
