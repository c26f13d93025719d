import { redirect } from '@sveltejs/kit';
import { session } from '$lib/session.svelte';

export async function load() {
  if (await session.ensureLoaded()) redirect(303, '/');
}
