package io.rapport.platform.security;

import io.rapport.platform.Actor;
import io.rapport.platform.ApiKey;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.Role;

/** An API client, identified by its key. It acts inside the key's tenant only. */
record ApiKeyPrincipal(ApiKey key) implements CurrentActor.ActorPrincipal {

    @Override
    public Actor actor() {
        return new Actor(key.tenantId(), key.name(), Actor.Kind.API_KEY, Role.ADMIN);
    }
}
