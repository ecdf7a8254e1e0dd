/**
 * Cumulative costs reported with GPT-4 as agent and simulated user (Gao et al., NeurIPS 2024,
 * arXiv 2404.15269), as transcribed in DESIGN.md §2 from third-party notes of the paper; to be
 * re-checked against the paper. Shown beside our offline numbers for orientation only: the offline
 * world is not GPT-4 and its costs are not comparable in scale.
 */
export const paperCumulativeCost: Readonly<
  Record<'summarization' | 'email', Readonly<Record<string, string>>>
> = {
  summarization: {
    oracle: '6,573',
    'no-learning': '48,269',
    'explore-exploit-5': '65,218',
    'continual-5': '57,915',
    'icl-edit-5': '≈39,000',
    'cipher-5': '32,974',
  },
  email: {
    oracle: '1,851',
    'no-learning': '31,103',
    'explore-exploit-5': '24,562',
    'continual-5': '26,852',
    'icl-edit-5': '≈31,000',
    'cipher-5': '8,391',
  },
};

/** Other figures of the paper for CIPHER-5 (same source and caveat). */
export const paperCipherFigures = {
  summarization: { accuracy: '≈0.48', expense: '3.00', regretRatio: '0.63' },
  email: { accuracy: '≈0.47', expense: '2.09', regretRatio: '0.22' },
} as const;
