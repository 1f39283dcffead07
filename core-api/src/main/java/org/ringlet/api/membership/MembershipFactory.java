package org.ringlet.api.membership;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates a {@link Membership}. */
public interface MembershipFactory extends ComponentFactory<Membership> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.MEMBERSHIP;
    }
}
