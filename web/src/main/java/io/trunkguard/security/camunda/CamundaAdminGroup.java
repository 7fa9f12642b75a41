package io.trunkguard.security.camunda;

import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapps send everyone to an "initial setup" page (create the first admin
 * user) while no user belongs to {@code camunda-admin}. Trunkguard admins log in through
 * Trunkguard, so this creates the group and one placeholder member whose password is
 * random and never shown: nobody can log in with it, and Camunda's own login is behind
 * Spring Security's admin-only rule anyway.
 */
@Component
@ConditionalOnProperty(name = "trunkguard.audit.verify-and-exit", havingValue = "false", matchIfMissing = true)
class CamundaAdminGroup implements SmartInitializingSingleton {

	static final String PLACEHOLDER_USER = "trunkguardadmins";

	private final IdentityService identity;

	CamundaAdminGroup(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (identity.isReadOnly()) {
			return;
		}
		if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
			Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("Trunkguard admins");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			User user = identity.newUser(PLACEHOLDER_USER);
			user.setFirstName("Trunkguard");
			user.setLastName("admins (log in through Trunkguard)");
			user.setPassword(unguessablePassword());
			identity.saveUser(user);
			identity.createMembership(PLACEHOLDER_USER, Groups.CAMUNDA_ADMIN);
		}
	}

	private static String unguessablePassword() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
