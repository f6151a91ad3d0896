import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { BoundedCache } from '../../util/boundedCache';
import type { ActivityPoster } from './activityPoster';
import { withLeanReplies } from './withLeanReplies';

/** Enough for every regional Teams/Azure service URL a bot talks to, times a few app ids. */
const MAX_CLIENTS = 64;

/** The claims that decide which credentials a client carries (see botframework-connector's getAppId). */
function identityKey(identity: ClaimsIdentity): string {
  return [AuthenticationConstants.AudienceClaim, AuthenticationConstants.AppIdClaim, AuthenticationConstants.AuthorizedParty]
    .map((type) => identity.getClaimValue(type) ?? '')
    .join('\u0000');
}

/** Hands out one ConnectorClient per identity, service URL and audience, built on first use. */
class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly identity: string,
    private readonly clients: BoundedCache<Promise<ConnectorClient>>,
    private readonly poster: ActivityPoster | undefined,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = [this.identity, serviceUrl, audience ?? ''].join('\u0000');
    const { poster } = this;
    return this.clients.getOrCreate(key, async () => {
      const client = await this.inner.create(serviceUrl, audience);
      return poster ? withLeanReplies(client, serviceUrl, poster) : client;
    });
  }
}

/**
 * botbuilder's CloudAdapter asks its BotFrameworkAuthentication for a new ConnectorFactory, a new
 * ConnectorClient and a new UserTokenClient on every turn; each client builds an HTTP pipeline
 * (about a twentieth of a turn's CPU in `npm run bench`). The clients hold nothing per turn: the
 * credentials inside them cache and renew their own tokens. So, as the older BotFrameworkAdapter
 * did with its connector-client map, we keep them, keyed by everything that went into building
 * them. The cache is bounded because with authentication off anyone may send any serviceUrl.
 */
export class CachingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients = new BoundedCache<Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokenClients = new BoundedCache<Promise<UserTokenClient>>(MAX_CLIENTS);

  /**
   * `poster`: sends the replies (see ActivityPoster); without one, Microsoft's ConnectorClient
   * does, e.g. behind an outgoing HTTP proxy, which only its pipeline knows how to use.
   */
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly poster?: ActivityPoster,
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCachingFactory(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCachingFactory(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), identityKey(claimsIdentity), this.connectorClients, this.poster);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.getOrCreate(identityKey(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withCachingFactory(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    const factory = new CachingConnectorFactory(result.connectorFactory, identityKey(result.claimsIdentity), this.connectorClients, this.poster);
    return { ...result, connectorFactory: factory };
  }
}
