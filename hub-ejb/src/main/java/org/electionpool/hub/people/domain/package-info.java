/**
 * People who sign in to the web UI (issue 13): which passwords are accepted (OWASP ASVS 5.0 §6.2).
 * Their hashing (Argon2id, RFC 9106) and second factor (TOTP, RFC 6238) are crypto and live in
 * {@code org.electionpool.hub.crypto} ({@code PasswordHasher}, {@code Totp}).
 */
package org.electionpool.hub.people.domain;
