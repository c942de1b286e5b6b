// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface PageData {
      /** Name shown in the public header; defaults to the platform's name. */
      brand?: { name: string; href: string };
    }
  }
}

export {};
