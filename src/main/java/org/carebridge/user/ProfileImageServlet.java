package org.carebridge.user;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.platform.web.ConsolePages;

/**
 * Serves a user's profile picture to the console, under the console's security constraint and
 * only for users the administrator may act on: another organization's user answers 404, like a
 * user without a picture.
 */
@WebServlet("/console/user/image")
public class ProfileImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient UserService users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserProfileImage image;
        try {
            image = users.image(scope.user(ConsolePages.parseId(request.getParameter("id"))));
        } catch (NotInScopeException | NumberFormatException e) {
            image = null;
        }
        if (image == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] data = image.getData();
        response.setContentType(image.getContentType());
        response.setContentLength(data.length);
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(data);
    }
}
