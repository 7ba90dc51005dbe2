package io.passerelle.ingestion.rest;

import io.passerelle.runtime.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Exists in tests only: fails the way a bug or a broken dependency would, with a message full of what
 * must never reach a client (SQL, a credential, an internal host).
 */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/test-only/failure")
public class FailingResource {
    static final String SECRET = "hunter2-db-password";
    static final String SQL = "SELECT owner_id, secret FROM owners WHERE password = 'hunter2-db-password'";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // not part of the API: the served document must stay the committed one
    public String fail() {
        throw new IllegalStateException("ERROR: relation \"owners\" does not exist at db.internal:5432; statement: " + SQL,
                new java.sql.SQLException("connection to db.internal:5432 refused, password " + SECRET));
    }
}
