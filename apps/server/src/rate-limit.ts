import { DomainError } from '@zhenggai/core';

// A small in-memory limiter for sign-in attempts: enough for one server process, which is how
// Zhenggai runs on PGlite. Keyed by address and user name so one person cannot lock out another.

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 10,
    readonly windowMs = 15 * 60_000,
  ) {}

  check(key: string, now = Date.now()) {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, recent);
    if (recent.length >= this.maxFailures) {
      throw new DomainError('RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试');
    }
  }

  fail(key: string, now = Date.now()) {
    this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }

  reset(key: string) {
    this.failures.delete(key);
  }
}

/**
 * Counts events per key in a sliding window (the public portal's tracking lookups and challenges).
 * In memory on purpose: these are reads, and writing a row per read would let anyone fill the
 * database; messages themselves are counted in the database, where they are stored anyway.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    readonly message: string,
  ) {}

  take(key: string, now = Date.now()) {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      throw new DomainError('RATE_LIMITED', this.message);
    }
    recent.push(now);
    this.hits.set(key, recent);
    // Forget idle keys now and then so the map cannot grow without end.
    if (this.hits.size > 10_000) {
      for (const [k, times] of this.hits)
        if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
    }
  }
}
