package io.trunkguard.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes what security decides to the audit trail: logins (success and failure), refused
 * requests, local account changes.
 */
@Component
class SecurityAudit {

    private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        log.info("login succeeded: {}", event.getAuthentication().getName());
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        log.info("login failed: {}", event.getAuthentication().getName());
    }

    void refused(String actor, String method, String path, String reason) {
        log.info("refused {} {} for {}: {}", method, path, actor, reason);
    }

    void localAccountCreated(String username, Role role) {
        log.debug("local account {} created", username);
    }

    void localAccountPasswordSet(String username) {
        log.debug("local account {} password set", username);
    }
}
