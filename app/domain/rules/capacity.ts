import type { RuleFinding } from "./findings";

/** Group size against the room. */
export function checkCapacity(input: { attendees: number; capacity: number; room: string }): RuleFinding[] {
  return input.attendees > input.capacity
    ? [
        {
          rule: "too-many-people",
          effect: "refuse",
          params: { attendees: input.attendees, capacity: input.capacity, room: input.room },
        },
      ]
    : [];
}
