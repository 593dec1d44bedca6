package org.carebridge.directory;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carebridge.access.ClientCaller;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's directory: {@code GET /api/v1/directory} (search, pages, sync token),
 * {@code GET /api/v1/directory/changes} (incremental sync) and favorites.
 */
@Path("v1/directory")
@ClientAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Everyone the signed-in user may reach, with presence")
@SecurityScheme(securitySchemeName = "accessToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The access token from the client login")
@SecurityRequirement(name = "accessToken")
@APIResponse(responseCode = "401", description = "No active access token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class DirectoryResource {

    static final String PAGE_EXAMPLE = """
            {"entries": [
              {"id": 1000, "kind": "organization", "name": "Riverside General Hospital", "organizationId": 1000,
               "organizationName": "Riverside General Hospital"},
              {"id": 1050, "kind": "group", "name": "Cardiology", "organizationId": 1000,
               "organizationName": "Riverside General Hospital"},
              {"id": 1101, "kind": "native", "name": "Dr. Jane Q. Doe, MD", "firstName": "Jane", "lastName": "Doe",
               "title": "Dr.", "credentials": "MD", "jobTitle": "Hospitalist", "organizationId": 1000,
               "organizationName": "Riverside General Hospital", "status": "Available", "favorite": true},
              {"id": 1102, "kind": "external", "name": "Sam Lee", "firstName": "Sam", "lastName": "Lee",
               "organizationId": 1000, "organizationName": "Riverside General Hospital", "status": "Busy",
               "favorite": false}],
             "nextCursor": "bgFEb2UfSmFuZR8xMTAx",
             "syncToken": "ZDEuMTA1MC40Mg"}""";

    @Inject
    Directory directory;

    @Inject
    ClientCaller caller;

    @GET
    @Operation(summary = "The signed-in user's directory, one page at a time",
            description = "Everyone the user may reach (own organization, affiliates, community, as the association"
                    + " permissions allow; synced external users included), the groups they may address as a whole,"
                    + " and their organization when it allows whole-organization messages. Favorites first, then by"
                    + " last name, first name. The first page of the unfiltered directory carries a syncToken for"
                    + " /directory/changes. Never includes private numbers or e-mail addresses.")
    @APIResponse(responseCode = "200", description = "A page of the directory",
            content = @Content(schema = @Schema(implementation = DirectoryPage.class),
                    examples = @ExampleObject(name = "first page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit out of range or a cursor this server did not give",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public DirectoryPage directory(
            @Parameter(description = "Only names containing every word (first name, last name, nickname; any case)")
            @QueryParam("q") String search,
            @Parameter(description = "Page size, 1 to " + Directory.MAX_PAGE_SIZE + "; default "
                    + Directory.DEFAULT_PAGE_SIZE) @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        try {
            return directory.page(caller.user(), search, limit, cursor);
        } catch (DirectoryRefusedException e) {
            throw refused(e);
        }
    }

    @GET
    @Path("changes")
    @Operation(summary = "What changed in the directory since a sync token",
            description = "People added or changed (created, renamed, status, newly reachable), ids of people removed"
                    + " (deleted, or no longer reachable after a permission, group or affiliation change), every"
                    + " addressable group and organization, and the token for next time. 410 means: load the whole"
                    + " directory again.")
    @APIResponse(responseCode = "200", description = "The changes and a new token",
            content = @Content(schema = @Schema(implementation = DirectoryChanges.class),
                    examples = @ExampleObject(name = "one status change, one removal", value = """
                            {"changed": [{"id": 1101, "kind": "native", "name": "Dr. Jane Q. Doe, MD",
                              "firstName": "Jane", "lastName": "Doe", "organizationId": 1000,
                              "organizationName": "Riverside General Hospital", "status": "Busy",
                              "favorite": true}],
                             "removedUsers": [1150], "removedGroups": [], "removedOrganizations": [],
                             "syncToken": "ZDEuMTEwMC40Nw"}""")))
    @APIResponse(responseCode = "400", description = "since is not a sync token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The token is too old or not the caller's: reload fully",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public DirectoryChanges changes(
            @Parameter(description = "syncToken of the last directory or changes answer", required = true)
            @QueryParam("since") String since) {
        try {
            return directory.changes(caller.user(), since);
        } catch (DirectoryRefusedException e) {
            throw refused(e);
        }
    }

    @PUT
    @Path("favorites/{userId}")
    @Operation(summary = "Mark a person of the directory as favorite (listed first)")
    @APIResponse(responseCode = "204", description = "The person is a favorite")
    @APIResponse(responseCode = "404", description = "No such person in the caller's directory",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many favorites",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response addFavorite(@PathParam("userId") long userId) {
        try {
            directory.addFavorite(caller.user(), userId);
            return Response.noContent().build();
        } catch (DirectoryRefusedException e) {
            throw refused(e);
        }
    }

    @DELETE
    @Path("favorites/{userId}")
    @Operation(summary = "No longer list a person as favorite")
    @APIResponse(responseCode = "204", description = "The person is not a favorite")
    @APIResponse(responseCode = "404", description = "No such person in the caller's directory",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response removeFavorite(@PathParam("userId") long userId) {
        try {
            directory.removeFavorite(caller.user(), userId);
            return Response.noContent().build();
        } catch (DirectoryRefusedException e) {
            throw refused(e);
        }
    }

    static WebApplicationException refused(DirectoryRefusedException e) {
        Problem problem = switch (e.reason()) {
            case BAD_REQUEST -> Problem.of(Response.Status.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    e.getMessage());
            case UNKNOWN_CONTACT -> Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage());
            case STALE_SYNC_TOKEN -> Problem.of(Response.Status.GONE, "sync-token-expired", "Reload the directory",
                    e.getMessage());
            case TOO_MANY_FAVORITES -> Problem.of(Response.Status.CONFLICT, "too-many-favorites", "Too many favorites",
                    e.getMessage());
        };
        return new WebApplicationException(e.getMessage(), problem.toResponse());
    }
}
