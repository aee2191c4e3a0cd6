package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.api.system.HubStatusService;

/**
 * The session cookie's rules: {@code HttpOnly} and {@code SameSite=Strict} always (web.xml), path
 * {@code /ui/}, and {@code Secure} in prod mode (the hub runs behind TLS there; dev mode serves
 * plain HTTP on loopback).
 */
@WebListener
public class UiSessionCookie implements ServletContextListener {

    @EJB
    HubStatusService status;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
        cookie.setPath("/ui/");
        cookie.setName("HUBSESSION");
        cookie.setSecure(status.mode() == HubMode.PROD);
    }
}
