/**
 * The web UI's browser tests (docs/ui.md): Selenium on Debian's Chromium against the provisioned
 * server, in client mode — each persona's flow end to end, the security rules, the languages.
 */
package org.electionpool.hub.it.ui;
