import { redirect } from '@sveltejs/kit';
import { returnTo } from '$lib/return-to';
import { session } from '$lib/session.svelte';

export async function load({ url }: { url: URL }) {
  if (await session.ensureLoaded()) redirect(303, returnTo(url));
}
