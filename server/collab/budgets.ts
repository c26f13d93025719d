/** A token bucket: `perSecond` on average, `burst` at once. */
export class TokenBucket {
  private tokens: number;
  private refilledAt = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst = perSecond * 2,
  ) {
    this.tokens = burst;
  }

  /** Takes `amount` from the bucket; false (and nothing taken) when there is not enough. */
  take(amount = 1): boolean {
    if (this.perSecond === Infinity) return true;
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

export interface UserBudgetLimits {
  /** Open collaboration connections one user may have in this process. */
  connectionsPerUser: number;
  /** Messages per second one user may send over all their connections (twice that in a burst). */
  messagesPerSecondPerUser: number;
  /** Bytes per second one user may send over all their connections (four times that in a burst). */
  bytesPerSecondPerUser: number;
}

interface UserBudget {
  connections: number;
  /** When the last connection closed (the budget is kept a while, so reconnecting does not refill it). */
  idleSince: number;
  messages: TokenBucket;
  bytes: TokenBucket;
}

/**
 * What one user may spend across all their connections to this process: a user who opens many
 * connections, each under its own limit, still shares one budget of messages and bytes.
 */
export class UserBudgets {
  private readonly users = new Map<string, UserBudget>();
  private opened = 0;

  constructor(private readonly limits: UserBudgetLimits) {}

  /** Counts a new connection of `userId`; false when the user already has the most allowed. */
  open(userId: string): boolean {
    if (++this.opened % 1000 === 0) this.prune();
    const budget = this.budgetOf(userId);
    if (budget.connections >= this.limits.connectionsPerUser) return false;
    budget.connections++;
    return true;
  }

  private budgetOf(userId: string): UserBudget {
    let budget = this.users.get(userId);
    if (!budget) {
      budget = {
        connections: 0,
        idleSince: performance.now(),
        messages: new TokenBucket(this.limits.messagesPerSecondPerUser),
        bytes: new TokenBucket(this.limits.bytesPerSecondPerUser, this.limits.bytesPerSecondPerUser * 4),
      };
      this.users.set(userId, budget);
    }
    return budget;
  }

  close(userId: string): void {
    const budget = this.users.get(userId);
    if (!budget) return;
    budget.connections--;
    if (budget.connections <= 0) budget.idleSince = performance.now();
  }

  /** Forgets users without connections for a minute (their buckets have refilled by then). */
  private prune(): void {
    const cutoff = performance.now() - 60_000;
    for (const [userId, budget] of this.users) if (budget.connections <= 0 && budget.idleSince < cutoff) this.users.delete(userId);
  }

  /** Takes one message of `bytes` from the user's budget; false when it is spent. */
  take(userId: string, bytes: number): boolean {
    const budget = this.budgetOf(userId);
    return budget.messages.take(1) && budget.bytes.take(bytes);
  }
}
