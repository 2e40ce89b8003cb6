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
