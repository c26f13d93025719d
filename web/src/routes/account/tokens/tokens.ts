import type { paths } from '$shared/api-types.generated';

/** `GET /api/tokens`: the signed-in person's tokens, never their secrets. */
export type TokensResponse = paths['/api/tokens']['get']['responses'][200]['content']['application/json'];
/** One API token as the list shows it; `lastUsedAt` is null until a request has used it. */
export type ApiToken = TokensResponse['tokens'][number];
/** `POST /api/tokens`: the new token with its secret, the only time the secret is sent. */
export type CreatedToken = paths['/api/tokens']['post']['responses'][201]['content']['application/json'];

/** The dependency the token list is loaded under, invalidated after a token is made or revoked. */
export const TOKENS = 'app:tokens';
