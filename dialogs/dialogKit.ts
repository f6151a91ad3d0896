/**
 * The three botbuilder-dialogs classes our flows use, imported from their own modules. The
 * package's index also loads every prompt and Microsoft.Recognizers.Text for all its cultures,
 * which this bot never uses (answers are read by our own parser): measured, about 17 MB of heap
 * and 37 MB of RSS in every bot process. Types still come from the package itself.
 */
export { Dialog } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
