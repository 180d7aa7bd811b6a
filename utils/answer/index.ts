// Answering and confirming, the pure core (docs/answering.md). No browser globals here.
export * from './eligibility';
export * from './text';
export * from './form';
export * from './placeholders';
