import type { EngineConnection, EngineEvent } from "./types";

/** Emits progress without letting a faulty listener break a deploy in flight. */
export function eventEmitter(onEvent: EngineConnection["onEvent"]) {
  return (type: EngineEvent["type"], message: string, extra: Partial<Pick<EngineEvent, "migration" | "durationMs">> = {}) => {
    if (!onEvent) return;
    try {
      onEvent({ type, message, at: new Date(), ...extra });
    } catch {
      // A progress listener's bug must not turn a good deploy into a failed one.
    }
  };
}
