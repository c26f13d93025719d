// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** What `error(status, …)` carries to +error.svelte: the API's sentence and, when known, its code. */
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
