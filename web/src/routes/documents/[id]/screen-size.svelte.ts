import { MediaQuery } from 'svelte/reactivity';

/**
 * Below this width the claims panel no longer fits beside the text: it opens as a sheet over it
 * (ClaimsAside.svelte). The same width is written in Reader.svelte's and ClaimsAside.svelte's
 * `@media` rules, which cannot read it from here.
 */
export const panelAsSheet = new MediaQuery('max-width: 62rem', false);

/** A phone-sized screen: the reader bar shows avatars only, and the others as "+N" (PresenceBar.svelte). */
export const phoneScreen = new MediaQuery('max-width: 40rem', false);
