/**
 * Which web pages may get a widget token from this server without the Direct Line secret
 * (WEBCHAT_ORIGINS): a list of origins, where `self` means pages this server serves itself (the
 * demo page), `*` any page (demos only) and `none` (or empty) disables the endpoint so that only a
 * bank back end holding DIRECTLINE_SECRET can mint tokens (tokens/generate).
 *
 * Why this is safe enough to be on by default: such a token opens one brand-new conversation and
 * nothing else — exactly what any visitor of the bank's site gets by opening the widget. It cannot
 * read another conversation. The Origin check keeps other sites from using our bot through their
 * visitors' browsers (browsers always send Origin on a POST and cannot fake it); scripts outside a
 * browser can send any Origin, which the per-address rate limit of the endpoint bounds.
 */
export class OriginPolicy {
  private readonly origins: Set<string>;
  readonly allowSelf: boolean;
  readonly allowAny: boolean;

  constructor(setting: string) {
    const entries = setting
      .split(/[\s,]+/)
      .map((e) => e.trim())
      .filter((e) => e && e.toLowerCase() !== 'none');
    this.allowSelf = entries.some((e) => e.toLowerCase() === 'self');
    this.allowAny = entries.includes('*');
    this.origins = new Set(entries.filter((e) => e !== '*' && e.toLowerCase() !== 'self').map((e) => e.replace(/\/+$/, '').toLowerCase()));
  }

  get enabled(): boolean {
    return this.allowAny || this.allowSelf || this.origins.size > 0;
  }

  /** `hosts`: the Host (and X-Forwarded-Host) the request came in on, for `self`. */
  allows(origin: string | undefined, hosts: string[]): boolean {
    if (!origin) return false;
    if (this.allowAny || this.origins.has(origin.toLowerCase())) return true;
    if (!this.allowSelf) return false;
    try {
      const host = new URL(origin).host.toLowerCase();
      return hosts.some((h) => h.toLowerCase() === host);
    } catch {
      return false;
    }
  }
}
