import { ApiError, api } from './api';
import type { User, UserResponse } from './types';

/** The signed-in user, shared by every page: null when signed out, loaded once from `GET /api/me`. */
class Session {
  user = $state<User | null>(null);
  /** True once `GET /api/me` has answered (with a user or with 401). */
  loaded = $state(false);

  #loading: Promise<User | null> | null = null;

  /** Loads the current user unless already known; a 401 means signed out, other failures throw. */
  ensureLoaded(): Promise<User | null> {
    if (this.loaded) return Promise.resolve(this.user);
    this.#loading ??= this.#fetchMe().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  async #fetchMe(): Promise<User | null> {
    try {
      const { user } = await api.get<UserResponse>('/api/me');
      this.signedIn(user);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      this.signedOut();
    }
    return this.user;
  }

  /** Records the user a signup or login answered with. */
  signedIn(user: User): void {
    this.user = user;
    this.loaded = true;
  }

  /** Forgets the user (after logout, or when the server answers 401). */
  signedOut(): void {
    this.user = null;
    this.loaded = true;
  }

  /** Ends the session on the server, then forgets the user. */
  async logout(): Promise<void> {
    await api.post<void>('/api/auth/logout');
    this.signedOut();
  }
}

export const session = new Session();
