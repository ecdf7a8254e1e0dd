import type { TokenUsage, UsedNeighbour } from '../spec/index.js';

/** Everything that happened in one round of the protocol; one JSONL line of a bench log. */
export interface RoundRecord {
  /** 1-based round number. */
  readonly round: number;
  readonly learner: string;
  readonly source: string;
  readonly contextId: string;
  readonly output: string;
  readonly edited: string;
  readonly accepted: boolean;
  /** Word-level Levenshtein distance between output and edited (0 when accepted), see `runRound`. */
  readonly cost: number;
  readonly preferenceUsed: string | null;
  readonly preferenceInferred: string | null;
  readonly neighbours: readonly UsedNeighbour[];
  /** Tokens of the agent's calls this round (propose + learn), not the simulated user's. */
  readonly agentUsage: TokenUsage;
  /** Tokens the (simulated) user spent reviewing; not part of the agent's expense. */
  readonly userUsage: TokenUsage;
  readonly warnings: readonly string[];
  /** In the chat environment: the user's corrective follow-ups this round (absent elsewhere). */
  readonly followUps?: number;
}
