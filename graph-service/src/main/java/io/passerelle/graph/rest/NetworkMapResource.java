package io.passerelle.graph.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.graph.map.MapLanguage;
import io.passerelle.graph.service.NetworkMapService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A picture of an owner's network (API.md, graph-service): the seven scales as rings, ties as dots by class. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/network-map.svg")
@Tag(name = "diagnostics", description = "What an owner's network looks like as a whole, over time and as a picture")
@APIResponse(responseCode = "401", description = "No token, or one that is expired or not Passerelle's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles or owner do not allow reading this owner",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NetworkMapResource {
    public static final String SVG = "image/svg+xml";
    /** The picture holds nothing active; should it ever be opened on its own, the browser is told to run nothing either. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final NetworkMapService maps;

    public NetworkMapResource(NetworkMapService maps) {
        this.maps = maps;
    }

    @GET
    @Produces(SVG)
    @Operation(operationId = "getNetworkMap", summary = "Draws an owner's network",
            description = "An SVG picture, 800 by 900 pixels: seven concentric rings from the neighbourhood (centre) to the world, "
                    + "one dot per tie on its scale's ring, coloured and shaped by class, alter egos outlined, ties without a "
                    + "known place in a dashed band outside; a crowded ring draws one dot for several ties of one class and says "
                    + "how many. A title, one sentence on the figures, ring labels and a legend in the language asked. No script; "
                    + "names only with names=true, as the dots' tooltips. Classes and scales are the stored ones, as in the "
                    + "diagnostics. 404 when no event of the owner has been received.")
    @APIResponse(responseCode = "200", description = "The picture",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING,
                    description = "An SVG 1.1 document, UTF-8, without script")))
    @APIResponse(responseCode = "400", description = "A bad lang or names (errors names each), or a bad ownerId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "An Accept header that excludes " + SVG,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(
            @Parameter(description = DiagnosticsResource.OWNER_ID,
                    schema = @Schema(type = SchemaType.STRING, pattern = Identifiers.OWNER_ID_REGEX))
            @PathParam("ownerId") String ownerId,
            @Parameter(description = "Language of the labels and the caption: " + LanguageParameter.DEFAULT,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"fr", "en"}))
            @QueryParam("lang") String lang,
            @Parameter(description = "true to put each contact's name in its dot's tooltip; default false",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"}, defaultValue = "false"))
            @QueryParam("names") String names) {
        TieQueryParameters.requireOwnerId(ownerId);
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<MapLanguage> language = LanguageParameter.parse(lang, errors).flatMap(asked -> MapLanguage.of(asked.code()));
        boolean withNames = names(names, errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(Problem.validation(detail, errors));
        }
        return maps.render(ownerId, language, withNames).map(svg -> Response.ok(svg, SVG + ";charset=UTF-8")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                // An owner's picture, with names when asked: no shared cache keeps it.
                .header("Cache-Control", "private, no-store")
                .build());
    }

    private static boolean names(String names, List<Problem.FieldError> errors) {
        if (names == null || names.isBlank()) {
            return false;
        }
        switch (names.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.add(new Problem.FieldError("names", "must be true or false"));
                return false;
        }
    }
}
