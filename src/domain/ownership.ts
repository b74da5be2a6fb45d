import type mongoose from 'mongoose';
import type { Schema } from 'mongoose';

/**
 * Whose documents a collection holds, declared by its model where the collection is defined:
 * the field holding the owning app's ObjectId, and the field holding the owning user's, if any.
 * Deleting an app or a user removes the documents of every model that names that owner, so a
 * new collection cannot be forgotten by the cascades.
 */
export interface Owners {
  readonly app?: string;
  readonly user?: string;
}

/** `global`: the collection belongs to the server, not to an app (admin keys, server secrets). */
export type Ownership = Owners | 'global';

const declared = new WeakMap<Schema, Ownership>();

/** Declares the owners of the schema's documents (see Owners). */
export function ownedBy<S extends Schema>(schema: S, owners: Owners | 'global'): S {
  declared.set(schema, owners);
  return schema;
}

/** What the schema's model declared, or undefined when it declared nothing. */
export function ownershipOf(schema: Schema): Ownership | undefined {
  return declared.get(schema);
}

export type Owner = keyof Owners;

/**
 * Removes what an app or a user owns from every model registered on the connection, in the
 * order the models were opened (composition/models.ts opens them all). Uses the driver's
 * `deleteMany` with the owner's ObjectId, the same filter for every collection.
 */
export async function deleteOwned(
  conn: mongoose.Connection,
  owner: Owner,
  id: mongoose.Types.ObjectId,
): Promise<void> {
  for (const model of Object.values(conn.models)) {
    const ownership = ownershipOf(model.schema);
    const field = ownership && ownership !== 'global' ? ownership[owner] : undefined;
    if (field) await model.collection.deleteMany({ [field]: id });
  }
}
