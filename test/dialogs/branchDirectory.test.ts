import { loadBranches } from '../../src/branches/loadBranches';
import { distanceKm } from '../../src/branches/distanceKm';
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';

const directory = loadBranches(DEFAULT_DATA_FILES.branchesFile);
const ids = (text: string, service?: 'cert') => directory.search(text, service).map((m) => m.branch.id);

describe('branch directory', () => {
  it('finds a city in Chinese, traditional Chinese and English', () => {
    expect(ids('上海')).toHaveLength(5);
    expect(ids('臺北的網點')).toHaveLength(4);
    expect(ids('branches in Chengdu')).toHaveLength(4);
  });

  it('lets a district beat its city and a landmark beat its district', () => {
    expect(ids('上海浦东')).toEqual(['sh-lujiazui', 'sh-zhangjiang']);
    expect(ids('浦东新区陆家嘴')).toEqual(['sh-lujiazui']);
  });

  it('prefers the longer name: 北京路 is a street in Guangzhou, not Beijing', () => {
    expect(ids('北京路支行在哪')).toEqual(['gz-beijinglu']);
  });

  it('filters by counter service', () => {
    expect(ids('上海', 'cert')).not.toContain('sh-hongqiao');
    expect(ids('虹桥', 'cert')).toEqual([]);
  });

  it('knows nothing of places it does not list', () => {
    expect(ids('火星')).toEqual([]);
    expect(directory.recognizes('火星')).toBe(false);
  });

  it('orders by distance for a location', () => {
    const [first, second] = directory.nearest(22.3, 114.17, 3);
    expect(first.branch.id).toBe('hk-tsimshatsui');
    expect(first.distanceKm).toBeLessThan(second.distanceKm ?? Infinity);
  });

  it('measures distance on the globe', () => {
    expect(distanceKm(39.9042, 116.4074, 31.2304, 121.4737)).toBeCloseTo(1067, -1);
  });
});
