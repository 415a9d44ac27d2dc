import { payloads, type ClientEvent, type Payload } from '../../lib/realtime/events';

/** One validated client event with its own payload: a switch on `event` narrows `payload`. */
export type Command = { [E in ClientEvent]: { event: E; payload: Payload<E> } }[ClientEvent];
/**
 * What the session state machine decides on: every command but reactions, which are only relayed,
 * and pre-votes, which go to the store (server/sessions/prevotes.ts).
 */
export type SessionCommand = Exclude<Command, { event: 'reaction:send' | 'prevote:cast' }>;

export function isClientEvent(event: string): event is ClientEvent {
  return Object.hasOwn(payloads, event);
}

/** The event's payload validated by its schema; the message names each issue's path. */
export function parseCommand(
  event: ClientEvent,
  raw: unknown,
): { ok: true; command: Command } | { ok: false; message: string } {
  const parsed = payloads[event].safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  // The one cast: the schema applied is `event`'s own, which TypeScript cannot correlate.
  return { ok: true, command: { event, payload: parsed.data } as Command };
}
