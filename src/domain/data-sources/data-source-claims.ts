import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key';
import { nativeCollection } from '../native-collection';
import type { DataSourceClaimDoc, DataSourceClaimModel } from './data-source-claim.model';

/**
 * Which app owns each database of this server's own cluster that functions use: the first app
 * to use it, recorded by a unique insert (the `_id` is the database name), so of two apps racing
 * for a database exactly one gets it.
 */
export class DataSourceClaims {
  constructor(
    private readonly claims: DataSourceClaimModel,
    private readonly now: () => Date,
  ) {}

  /** The server's own database, which no function may use. */
  get serverDatabase(): string {
    return this.claims.db.name;
  }

  /** The id of the app owning the database, claiming it for `appId` if no app does yet. */
  async ownerOf(appId: string, database: string): Promise<string | undefined> {
    const claims = nativeCollection(this.claims);
    let owner = await claims.findOne({ _id: database });
    if (!owner) {
      const claim: DataSourceClaimDoc = {
        _id: database,
        app_id: new mongoose.Types.ObjectId(appId),
        created_at: this.now(),
      };
      try {
        await claims.insertOne(claim);
        owner = claim;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        owner = await claims.findOne({ _id: database });
      }
    }
    return owner ? String(owner.app_id) : undefined;
  }
}
