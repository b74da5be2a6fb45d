import type { AuthOperationType } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-app';
import type { UserDoc } from './user.model';

/** Something that happened to an end user, as the app's AUTHENTICATION triggers see it. */
export interface AuthEvent {
  operationType: AuthOperationType;
  /** The provider type used (CREATE, LOGIN), or every provider type of the user (DELETE). */
  providers: string[];
  user: UserDoc;
  /** The user's custom data when the emitter has it at hand (a login); otherwise it is read. */
  customData?: Record<string, unknown>;
  /** The correlation id of the request that caused the event: its trigger runs carry it. */
  coId?: string;
}

/**
 * Where user lifecycle code reports auth events. `emit` never throws (nor rejects): what the
 * events cause (trigger functions) runs later and cannot fail or delay the caller beyond
 * recording the event. An implementation may return a promise that resolves once the event is
 * recorded durably: callers await it before they answer. The app is given as deployed, or by its
 * internal id when the caller has only that.
 */
export interface AuthEvents {
  emit(app: DeployedApp | string, event: AuthEvent): void | Promise<void>;
}

export const NO_AUTH_EVENTS: AuthEvents = { emit: () => undefined };

/** The distinct provider types of a user's identities. */
export function providerTypesOf(user: UserDoc): string[] {
  return [...new Set(user.identities.map((i) => i.provider_type))];
}
