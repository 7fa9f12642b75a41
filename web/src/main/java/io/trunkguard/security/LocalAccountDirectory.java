package io.trunkguard.security;

import java.time.Instant;
import java.util.List;

/** The local accounts as the admin's home page lists them (no hashes). Exists only with local login. */
public interface LocalAccountDirectory {

    record LocalAccountSummary(String username, String role, Instant passwordChangedAt) {
    }

    List<LocalAccountSummary> list();
}
