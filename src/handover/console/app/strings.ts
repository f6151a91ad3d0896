/**
 * Every word of the console's own interface, one table per language (customers' and the bot's
 * words are shown as they were stored). The agent switches with the language button; the choice is
 * remembered in this browser.
 */
export interface ConsoleStrings {
  lang: string;
  switchTo: string;
  switchLabel: string;
  title: string;
  signInTitle: string;
  name: string;
  password: string;
  signIn: string;
  signOut: string;
  wrongPassword: string;
  tooMany: (seconds: number) => string;
  signInUnavailable: string;
  fillBoth: string;
  live: string;
  offlineStream: string;
  waiting: string;
  mine: string;
  emptyWaiting: string;
  emptyMine: string;
  pick: string;
  take: string;
  close: string;
  release: string;
  send: string;
  replyLabel: string;
  replyHint: string;
  tickets: string;
  ticketDone: string;
  noTickets: string;
  ratings: string;
  agentCol: string;
  countCol: string;
  averageCol: string;
  speaker: Record<'customer' | 'bot' | 'agent' | 'system', string>;
  reasons: Record<string, string>;
  scripts: Record<string, string>;
  channels: Record<string, string>;
  intents: Record<string, string>;
  understood: string;
  waited: (seconds: number) => string;
  unread: (n: number) => string;
  position: (n: number) => string;
  urgent: string;
  stateLabels: Record<string, string>;
  assignedTo: (agent: string) => string;
  sound: string;
  notify: string;
  notifyDenied: string;
  newCustomer: (who: string) => string;
  shortcuts: string;
  shortcutsTitle: string;
  closeDialog: string;
  shortcutHelp: Record<string, string>;
  actionFailed: string;
  conversationWith: (who: string) => string;
  lists: string;
  myStatus: string;
  statuses: Record<'online' | 'away' | 'offline', string>;
  closedTitle: string;
  closedSearch: string;
  search: string;
  noClosed: string;
  closedAt: (when: string, agent: string) => string;
  transfer: string;
  transferTitle: string;
  backToQueue: string;
  noColleagues: string;
  cancel: string;
  canned: string;
  cannedTitle: string;
  cannedSearch: string;
  noCanned: string;
  notes: string;
  noteLabel: string;
  addNote: string;
  noteBy: (agent: string) => string;
  readOnly: string;
  customerTyping: string;
  signedInAs: string;
}

const zh: ConsoleStrings = {
  lang: 'zh-CN',
  switchTo: 'English',
  switchLabel: 'Switch the console to English',
  title: '客服控制台',
  signInTitle: '客服控制台登录',
  name: '用户名',
  password: '密码',
  signIn: '登录',
  signOut: '退出登录',
  wrongPassword: '用户名或密码错误。',
  tooMany: (s) => `登录失败次数过多，请 ${s} 秒后再试。`,
  signInUnavailable: '暂时无法登录，请稍后再试。',
  fillBoth: '请填写用户名和密码。',
  live: '实时连接正常',
  offlineStream: '实时连接中断，正在重连',
  waiting: '排队中',
  mine: '我的会话',
  emptyWaiting: '目前没有排队的客户。',
  emptyMine: '您还没有接入的会话。',
  pick: '从左侧选择一个会话。按 ? 查看快捷键。',
  take: '接入',
  close: '结束并邀请评分',
  release: '交回机器人',
  send: '发送',
  replyLabel: '回复客户',
  replyHint: 'Enter 发送，Shift+Enter 换行',
  tickets: '留言',
  ticketDone: '标为已处理',
  noTickets: '没有留言。',
  ratings: '评分',
  agentCol: '客服',
  countCol: '次数',
  averageCol: '平均分',
  speaker: { customer: '客户', bot: '机器人', agent: '客服', system: '系统' },
  reasons: { requested: '客户要求人工', fraud: '疑似诈骗（优先）', not_understood: '机器人未能理解' },
  scripts: { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' },
  channels: { directline: '网页', webchat: '网页', wechat: '微信', msteams: 'Teams', emulator: '模拟器' },
  intents: {
    cert_expired: '网银证书到期',
    branch_visit: '查找网点',
    security_advice: '安全建议',
    fraud_report: '诈骗举报',
    human_agent: '转人工',
    greeting: '问候',
    goodbye: '道别',
    none: '未识别',
  },
  understood: '机器人理解为',
  waited: (s) => (s < 60 ? `已等 ${s} 秒` : `已等 ${Math.floor(s / 60)} 分 ${String(s % 60).padStart(2, '0')} 秒`),
  unread: (n) => `${n} 条未读`,
  position: (n) => `第 ${n} 位`,
  urgent: '紧急',
  stateLabels: { queued: '排队中', assigned: '进行中', rating: '已结束', bot: '已交回机器人', ticket: '已转留言', ticket_contact: '已转留言' },
  assignedTo: (a) => `由 ${a} 接待`,
  sound: '新客户提示音',
  notify: '桌面通知',
  notifyDenied: '浏览器拒绝了通知权限。',
  newCustomer: (who) => `新客户排队：${who}`,
  shortcuts: '快捷键',
  shortcutsTitle: '键盘快捷键',
  closeDialog: '关闭',
  shortcutHelp: {
    nextWaiting: '打开下一位排队的客户',
    take: '接入当前会话',
    reply: '跳到回复框',
    close: '结束并邀请评分',
    release: '交回机器人',
    list: '跳到会话列表',
    transfer: '转接',
    canned: '打开常用语',
    help: '显示本帮助',
  },
  actionFailed: '操作失败：',
  conversationWith: (who) => `与 ${who} 的会话`,
  lists: '会话列表',
  signedInAs: '当前客服',
  myStatus: '我的状态',
  statuses: { online: '在线', away: '暂离', offline: '离线（不接新客户）' },
  closedTitle: '已结束',
  closedSearch: '搜索已结束的会话',
  search: '搜索',
  noClosed: '没有找到已结束的会话。',
  closedAt: (when, agent) => `${when} 由 ${agent} 结束`,
  transfer: '转接',
  transferTitle: '转接给',
  backToQueue: '转回排队',
  noColleagues: '目前没有其他在线客服。',
  cancel: '取消',
  canned: '常用语',
  cannedTitle: '常用语（在回复框输入 / 也可打开）',
  cannedSearch: '搜索常用语',
  noCanned: '没有匹配的常用语。',
  notes: '私人备注',
  noteLabel: '备注（客户看不到）',
  addNote: '添加备注',
  noteBy: (a) => `备注 · ${a}（客户看不到）`,
  readOnly: '已结束的会话（只读）',
  customerTyping: '客户正在输入…',
};

const en: ConsoleStrings = {
  lang: 'en',
  switchTo: '中文',
  switchLabel: '把控制台切换为中文',
  title: 'Agent console',
  signInTitle: 'Sign in to the agent console',
  name: 'Name',
  password: 'Password',
  signIn: 'Sign in',
  signOut: 'Sign out',
  wrongPassword: 'Wrong name or password.',
  tooMany: (s) => `Too many failed sign-ins. Try again in ${s} s.`,
  signInUnavailable: 'Signing in is not possible right now. Please try again later.',
  fillBoth: 'Enter your name and password.',
  live: 'Live updates on',
  offlineStream: 'Live updates interrupted, reconnecting',
  waiting: 'Waiting',
  mine: 'My conversations',
  emptyWaiting: 'Nobody is waiting.',
  emptyMine: 'You have no conversations yet.',
  pick: 'Pick a conversation on the left. Press ? for keyboard shortcuts.',
  take: 'Take',
  close: 'Close and ask for a rating',
  release: 'Back to the bot',
  send: 'Send',
  replyLabel: 'Reply to the customer',
  replyHint: 'Enter sends, Shift+Enter starts a new line',
  tickets: 'Messages left',
  ticketDone: 'Mark as handled',
  noTickets: 'No messages.',
  ratings: 'Ratings',
  agentCol: 'Agent',
  countCol: 'Count',
  averageCol: 'Average',
  speaker: { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' },
  reasons: { requested: 'Asked for a person', fraud: 'Possible fraud (priority)', not_understood: 'Bot did not understand' },
  scripts: { 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese', en: 'English' },
  channels: { directline: 'Web', webchat: 'Web', wechat: 'WeChat', msteams: 'Teams', emulator: 'Emulator' },
  intents: {
    cert_expired: 'Certificate expiry',
    branch_visit: 'Find a branch',
    security_advice: 'Security advice',
    fraud_report: 'Fraud report',
    human_agent: 'Wants a person',
    greeting: 'Greeting',
    goodbye: 'Goodbye',
    none: 'Not understood',
  },
  understood: 'Bot understood',
  waited: (s) => (s < 60 ? `waiting ${s} s` : `waiting ${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`),
  unread: (n) => `${n} unread`,
  position: (n) => `#${n} in line`,
  urgent: 'Urgent',
  stateLabels: { queued: 'Waiting', assigned: 'In progress', rating: 'Closed', bot: 'Back with the bot', ticket: 'Left a message', ticket_contact: 'Left a message' },
  assignedTo: (a) => `with ${a}`,
  sound: 'Sound for new customers',
  notify: 'Desktop notifications',
  notifyDenied: 'The browser refused notifications.',
  newCustomer: (who) => `New customer waiting: ${who}`,
  shortcuts: 'Shortcuts',
  shortcutsTitle: 'Keyboard shortcuts',
  closeDialog: 'Close',
  shortcutHelp: {
    nextWaiting: 'Open the next waiting customer',
    take: 'Take the open conversation',
    reply: 'Go to the reply box',
    close: 'Close and ask for a rating',
    release: 'Back to the bot',
    list: 'Go to the conversation list',
    transfer: 'Transfer',
    canned: 'Open canned replies',
    help: 'Show this help',
  },
  actionFailed: 'The action failed: ',
  conversationWith: (who) => `Conversation with ${who}`,
  lists: 'Conversations',
  signedInAs: 'Signed in as',
  myStatus: 'My status',
  statuses: { online: 'Online', away: 'Away', offline: 'Offline (no new customers)' },
  closedTitle: 'Closed',
  closedSearch: 'Search closed conversations',
  search: 'Search',
  noClosed: 'No closed conversations found.',
  closedAt: (when, agent) => `closed ${when} by ${agent}`,
  transfer: 'Transfer',
  transferTitle: 'Transfer to',
  backToQueue: 'Back to the queue',
  noColleagues: 'No other agent is online.',
  cancel: 'Cancel',
  canned: 'Canned replies',
  cannedTitle: 'Canned replies (or type / in the reply box)',
  cannedSearch: 'Search canned replies',
  noCanned: 'No canned reply matches.',
  notes: 'Private notes',
  noteLabel: 'Note (the customer never sees it)',
  addNote: 'Add note',
  noteBy: (a) => `Note · ${a} (not shown to the customer)`,
  readOnly: 'Closed conversation (read-only)',
  customerTyping: 'The customer is typing…',
};

export const CONSOLE_LANGUAGES = { zh, en } as const;
export type ConsoleLanguage = keyof typeof CONSOLE_LANGUAGES;

const STORAGE_KEY = 'bankbot.console.lang';

export function savedLanguage(): ConsoleLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function saveLanguage(lang: ConsoleLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

/** A code shown as our word for it, or as itself when the table has none (a new intent, say). */
export function labelOf(table: Record<string, string>, code: string): string {
  return table[code] ?? code;
}
