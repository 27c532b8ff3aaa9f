/**
 * One way a single participant tries to stall, bloat or crash the server. Each attack module in this
 * folder exports `attack: Attack`; its test (tests/abuse/*.test.ts) runs it beside a bystander and
 * asserts the bystander's latency and the offender's refusal, and `npm run bench:abuse` runs every
 * one against a server process and prints the bystander's p99/max and the server's peak RSS.
 */
export interface Attack {
  /** Short, stable name: the bench table's row. */
  name: string;
  /** What the offender does, in one sentence. */
  summary: string;
  /** Starts the attack against a server at `url`; resolves once it is under way. */
  start: (ctx: AttackContext) => Promise<RunningAttack>;
}

export interface AttackContext {
  url: string;
  adminToken: string;
  /** How long the bench lets it run; tests pass their own (shorter). */
  durationMs: number;
}

export interface RunningAttack {
  /** Ends the attack and frees its clients; says what the offender got (close codes, errors). */
  stop: () => Promise<string>;
}
