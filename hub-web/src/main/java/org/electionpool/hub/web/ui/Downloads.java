package org.electionpool.hub.web.ui;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A page's answer that is a file to save instead of a page: JSON, never cached, never sniffed. */
final class Downloads {

    private Downloads() {
    }

    /**
     * Replaces the response with the JSON as an attachment and ends the Faces request.
     *
     * @param fileName the name the browser saves it under (letters, digits, {@code . _ -} only)
     * @param json     the body
     */
    static void json(String fileName, String json) throws IOException {
        if (!fileName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        response.reset();
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        faces.responseComplete();
    }
}
