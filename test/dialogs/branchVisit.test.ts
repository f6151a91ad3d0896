import { geoEntity } from '../../src/channels/location';
import { play, type Step } from './harness';

const at = (latitude: number, longitude: number) => ({ text: '', entities: [geoEntity(latitude, longitude)] });

const tables: Array<[string, Step[]]> = [
  [
    'zh-Hans: a city named in the first message lists its branches with hours, phone and services',
    [
      ['杭州的网点周末开门吗', ['为您找到', '示例银行杭州武林支行', '地址：', '工作日 09:00-17:00', '周末 10:00-16:00', '电话：0571-', '柜台业务：']],
      ['没有了，谢谢', '不客气'],
    ],
  ],
  [
    'zh-Hans: asked for a place, answered by number, a district, then a landmark narrows to one branch',
    [
      ['我想去网点办业务', ['城市或区县', '1. 北京', '8. 台北']],
      ['2', ['示例银行上海陆家嘴支行', '还有 2 个网点没有列出']],
      ['徐汇', ['示例银行上海徐家汇支行', { not: '陆家嘴' }]],
      ['陆家嘴', ['为您找到 1 个网点', '示例银行上海陆家嘴支行', '保管箱']],
    ],
  ],
  [
    'zh-Hans: a shared location lists the nearest branches first, with distances',
    [
      ['附近网点几点开门', '发送位置'],
      [at(22.54, 114.06), ['离您最近的 3 个网点', '示例银行深圳福田中心支行】（距您约 0.2 公里）']],
    ],
  ],
  [
    'zh-Hans: a weekend-closed branch says so',
    [['张江网点周末营业吗', ['示例银行上海张江支行', '周末 休息']]],
  ],
  [
    'zh-Hans: an unknown place is answered politely and the question repeated',
    [
      ['找网点', '城市或区县'],
      ['火星', ['没有找到“火星”的网点', '北京、上海', '1. 北京']],
    ],
  ],
  [
    'zh-Hant: traditional query, traditional answer (Taiwan phrasing by default)',
    [
      ['台北的網點幾點開門', ['示例銀行臺北信義分行', '營業時間', '週末 休息', '櫃檯業務']],
      ['換個地方查', '城市、區縣或地標'],
      ['香港', '示例銀行香港中環分行'],
    ],
  ],
  [
    'en: the nearest branch by location, then another city by name',
    [
      ['where is the nearest branch', ['Which city or district', '1. Beijing']],
      [at(39.99, 116.47), ['The 3 branches nearest to you', 'Sample Bank Beijing Wangjing Sub-branch] (about 0.7 km away)', 'USB key/token issuing, new or replacement cards', 'Opening hours: weekdays', 'Phone:']],
      ['Chengdu', ['Sample Bank Chengdu Chunxi Road Sub-branch', 'weekends closed']],
      ['no thanks', "You're welcome"],
    ],
  ],
  [
    'en: impossible coordinates get a polite answer, not a crash',
    [
      ['find a branch', 'share your location'],
      [at(123.4, 567.8), ["doesn't look right", 'latitude must be between -90 and 90', '1. Beijing']],
      [at(31.2, 121.44), 'nearest to you'],
    ],
  ],
];

describe('branch_visit flow', () => {
  it.each(tables)('%s', async (_name, steps) => {
    await play(steps);
  });

  it('answers a location shared out of the blue (no flow running) with the nearest branches', async () => {
    await play([[at(30.27, 120.16), ['离您最近的', '示例银行杭州武林支行']]]);
  });

  it('answers a location with impossible coordinates out of the blue politely', async () => {
    await play([[at(-91, 0), ['坐标好像不正确', '城市名称']]]);
  });
});
