/**
 * A small glyph per channel so an agent sees at a glance where a customer is writing from; the
 * channel's name is always in the text beside it (the icon is decorative for screen readers).
 */
export const CHANNEL_ICONS: Record<string, string> = {
  // a browser window
  directline: 'M3 4h18a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 5v9h16V9H4zm1-3.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2zm3 0a1 1 0 1 0 0 2 1 1 0 0 0 0-2z',
  // two speech bubbles
  wechat: 'M9 3C4.6 3 1 6 1 9.6c0 2 1.1 3.8 2.9 5L3 17.5l3.3-1.7c.9.3 1.8.4 2.7.4h.4A5.8 5.8 0 0 1 9 14c0-3.6 3.4-6.4 7.6-6.4h.6C16.3 4.9 13 3 9 3zm7.6 6C13 9 10.2 11.3 10.2 14.1s2.8 5.1 6.4 5.1c.7 0 1.4-.1 2-.3l2.6 1.4-.7-2.3c1.5-1 2.5-2.4 2.5-3.9C23 11.3 20.1 9 16.6 9z',
  // a team
  msteams: 'M9 4a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm8 1a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM2 19v-3c0-2.2 3.1-4 7-4s7 1.8 7 4v3H2zm15.5-6.9c2.6.3 4.5 1.6 4.5 3.2V18h-4.5v-2c0-1.5-.7-2.8-1.9-3.7.6-.1 1.2-.2 1.9-.2z',
  // a generic chat bubble
  other: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
};

export function channelIcon(channel: string): string {
  return CHANNEL_ICONS[channel] ?? CHANNEL_ICONS.other;
}
