import { z } from 'zod';
import { LIMITS, docId, optionalText, requiredText, timestamp } from './primitives.ts';

export const workingGroupMemberSchema = z.strictObject({
  kind: z.enum(['actor', 'contact']),
  id: docId,
  name: requiredText(),
});
export type WorkingGroupMember = z.infer<typeof workingGroupMemberSchema>;

/** What the working-group form submits. */
export const workingGroupInputSchema = z.strictObject({
  name: requiredText(),
  fieldOfAction: optionalText(),
  description: optionalText(LIMITS.longText),
  lead: optionalText(),
  members: z
    .array(workingGroupMemberSchema)
    .max(200, { error: 'Höchstens 200 Mitglieder.' })
    .default([]),
});
export type WorkingGroupInput = z.infer<typeof workingGroupInputSchema>;

/** networks/{networkId}/workingGroups/{id} */
export const workingGroupSchema = workingGroupInputSchema.extend({
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type WorkingGroup = z.infer<typeof workingGroupSchema>;
