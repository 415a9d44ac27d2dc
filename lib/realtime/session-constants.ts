/**
 * Constants of the live-session channel that the browser needs at runtime. Their own module so
 * importing them does not pull the zod schemas of events.ts into the page bundle.
 */
export const SESSION_NAMESPACE = '/session';
export const REACTIONS = ['👍', '👎', '🎉', '❤️', '😂', '🤔', '👀', '🔥', '☕', '⏱️'] as const;
