/**
 * Links between the board and its formal-stories pages. The key rides in the fragment (`#k=`), like
 * the board link, so it never reaches the server or its logs; these are full page loads on purpose,
 * so each page reads its key from the fragment it was opened with.
 */
const frag = (key: string) => `#k=${encodeURIComponent(key)}`;
const board = (boardId: string) => `/b/${encodeURIComponent(boardId)}`;

export const boardHref = (boardId: string, key: string) => `${board(boardId)}${frag(key)}`;

export const storiesHref = (boardId: string, key: string) => `${board(boardId)}/stories${frag(key)}`;

export const formalStoryHref = (boardId: string, storyId: string, key: string) =>
  `${board(boardId)}/stories/${encodeURIComponent(storyId)}${frag(key)}`;

/** The board with a story open (the board reads `?story=` to open its panel). */
export const boardStoryHref = (boardId: string, storyId: string, key: string) =>
  `${board(boardId)}?story=${encodeURIComponent(storyId)}${frag(key)}`;
