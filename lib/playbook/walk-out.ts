/** The reason written into a practice run's log when the simulated customer walks out. */
export const PRACTICE_WALK_OUT_REASON = "The practice customer walked out";
