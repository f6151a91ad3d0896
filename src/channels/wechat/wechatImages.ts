/**
 * A WeChat picture (图片消息) during a handover reaches the agent as an attachment; outside one the
 * bot cannot use it and the customer gets the polite text-only notice, as before.
 *
 * The file is fetched by its MediaId from WeChat's media API on the configured API host, never from
 * the message's PicUrl: that is an address inside the (possibly forged) message, and following it
 * would let a sender make the bot fetch any URL. What comes back is kept only if its first bytes
 * say image or PDF and it is within the attachment size limit, in the same store (with its TTL) as
 * Direct Line uploads; the console shows it from `/attachments/{id}`, served so it can never run.
 */
import type { Activity } from 'botbuilder';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PATH, type AttachmentStore } from '../../attachments/attachmentStore';
import { sniffType } from '../../attachments/sniffType';
import { hashId, type Logger } from '../../logger';
import type { Inbound } from './toActivity';
import { WECHAT_CHANNEL_ID } from './toActivity';
import type { WeChatMediaClient } from './wechatMediaClient';
import { WeChatNotice } from './wechatNotices';

export interface WeChatImagesDeps {
  media: WeChatMediaClient;
  store: AttachmentStore;
  /** True while a person serves the conversation or is about to (queued or assigned). */
  withPerson: (member: string) => Promise<boolean>;
  logger: Logger;
}

type ImageInbound = Extract<Inbound, { kind: 'image' }>;
type Resolved = Extract<Inbound, { kind: 'turn' | 'notice' }>;

export class WeChatImages {
  constructor(private readonly deps: WeChatImagesDeps) {}

  async resolve(image: ImageInbound): Promise<Resolved> {
    const openId = image.activity.conversation?.id ?? '';
    if (!(await this.deps.withPerson(`${WECHAT_CHANNEL_ID}/${openId}`))) return { kind: 'notice', notice: WeChatNotice.TextOnly };
    try {
      return { kind: 'turn', activity: await this.withAttachment(image, openId) };
    } catch (err) {
      this.deps.logger.warn({ err, channel: WECHAT_CHANNEL_ID, conversation: hashId(openId) }, 'wechat picture not passed on to the agent');
      return { kind: 'notice', notice: WeChatNotice.ImageNotDelivered };
    }
  }

  private async withAttachment(image: ImageInbound, openId: string): Promise<Partial<Activity>> {
    const { bytes } = await this.deps.media.fetch(image.mediaId, ATTACHMENT_MAX_BYTES);
    const type = sniffType(bytes);
    if (!type) throw new Error('WeChatImages: the media is not an image or PDF by its content');
    const name = `wechat-${image.activity.id ?? 'image'}.${type.split('/')[1]}`;
    const id = await this.deps.store.put(bytes, { type, name, size: bytes.length, conversation: `${WECHAT_CHANNEL_ID}/${openId}` });
    return { ...image.activity, attachments: [{ contentType: type, contentUrl: `${ATTACHMENT_PATH}/${id}`, name }] };
  }
}
