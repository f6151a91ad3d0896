/** The dashboard's own words, zh and en; the language choice is shared with the console. */
export interface DashboardStrings {
  lang: string;
  switchTo: string;
  title: string;
  period: string;
  toConsole: string;
  totals: string;
  perDay: string;
  perDayChannel: string;
  inbox: string;
  inboxHint: string;
  export: string;
  columns: string[];
  conversations: string;
  containment: string;
  escalationRate: string;
  waitMedian: string;
  waitP90: string;
  ratingAverage: string;
  fallbacks: string;
  chartConversations: string;
  chartContainment: string;
  messages: (n: number) => string;
  assignTo: string;
  assign: string;
  assigned: (n: number) => string;
  empty: string;
  forbidden: string;
  signIn: string;
  intentOption: (id: string) => string;
  faqOption: (id: string) => string;
  reasons: Record<string, string>;
  channels: Record<string, string>;
}

const zh: DashboardStrings = {
  lang: 'zh-CN',
  switchTo: 'English',
  title: '主管看板',
  period: '时间范围（天）',
  toConsole: '客服控制台',
  totals: '合计',
  perDay: '每日趋势',
  perDayChannel: '按日期和渠道',
  inbox: '未能理解的消息',
  inboxHint: '客户消息已脱敏，相似的消息归为一组。归类后可导出为训练数据。',
  export: '导出训练数据',
  columns: ['日期', '渠道', '会话', '自助解决率', '转人工率', '转人工原因', '等待中位数', '等待 P90', '评分', '未理解'],
  conversations: '会话数',
  containment: '自助解决率',
  escalationRate: '转人工率',
  waitMedian: '等待中位数',
  waitP90: '等待 P90',
  ratingAverage: '平均评分',
  fallbacks: '未理解次数',
  chartConversations: '每日会话数',
  chartContainment: '每日自助解决率',
  messages: (n) => `${n} 条`,
  assignTo: '归类到',
  assign: '归类',
  assigned: (n) => `已归类 ${n} 条消息。`,
  empty: '没有未归类的消息。',
  forbidden: '只有主管可以查看看板。',
  signIn: '请先登录客服控制台。',
  intentOption: (id) => `意图：${id}`,
  faqOption: (id) => `常见问题：${id}`,
  reasons: { requested: '客户要求', fraud: '诈骗', not_understood: '未能理解' },
  channels: { directline: '网页', wechat: '微信', msteams: 'Teams', emulator: '模拟器' },
};

const en: DashboardStrings = {
  lang: 'en',
  switchTo: '中文',
  title: 'Supervisor dashboard',
  period: 'Period (days)',
  toConsole: 'Agent console',
  totals: 'Totals',
  perDay: 'Per day',
  perDayChannel: 'By day and channel',
  inbox: 'Messages the bot could not place',
  inboxHint: 'Customer messages are masked; similar ones are grouped. Assign them, then export them as training data.',
  export: 'Export training data',
  columns: ['Day', 'Channel', 'Conversations', 'Containment', 'Escalation', 'Reasons', 'Wait median', 'Wait p90', 'Rating', 'Fallbacks'],
  conversations: 'Conversations',
  containment: 'Containment',
  escalationRate: 'Escalation rate',
  waitMedian: 'Median wait',
  waitP90: '90th-percentile wait',
  ratingAverage: 'Average rating',
  fallbacks: 'Fallbacks',
  chartConversations: 'Conversations per day',
  chartContainment: 'Containment per day',
  messages: (n) => `${n} messages`,
  assignTo: 'Assign to',
  assign: 'Assign',
  assigned: (n) => `${n} messages assigned.`,
  empty: 'No unassigned messages.',
  forbidden: 'Only supervisors can open the dashboard.',
  signIn: 'Sign in to the agent console first.',
  intentOption: (id) => `Intent: ${id}`,
  faqOption: (id) => `FAQ: ${id}`,
  reasons: { requested: 'asked', fraud: 'fraud', not_understood: 'not understood' },
  channels: { directline: 'Web', wechat: 'WeChat', msteams: 'Teams', emulator: 'Emulator' },
};

export const DASHBOARD_LANGUAGES = { zh, en } as const;
