/**
 * An error answer from WeChat's API (`{"errcode": 40001, "errmsg": "..."}`); codes are listed in
 * 全局返回码说明 / Global return codes:
 * https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html
 */
export class WeChatApiError extends Error {
  constructor(
    readonly where: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`${where}: WeChat answered errcode ${errcode} (${errmsg})`);
    this.name = 'WeChatApiError';
  }
}

/**
 * 40001: invalid credential / access_token; 42001: access_token expired; 40014: invalid
 * access_token. All three mean "fetch a new token and try again".
 */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);
