import { api } from '$lib/api';
import { loadOrFail, requireUser } from '$lib/load';
import type { PageLoad } from './$types';
import { TOKENS, type TokensResponse } from './tokens';

export const load: PageLoad = async ({ depends }) => {
  depends(TOKENS);
  await requireUser();
  const { tokens } = await loadOrFail(() => api.get<TokensResponse>('/api/tokens'));
  return { tokens };
};
