package io.passerelle.graph.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.service.TieQuery;
import io.passerelle.graph.service.TieQueryService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import io.passerelle.vocabulary.Language;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ties of an owner (API.md, graph-service): one tie as of the request, a listing as of its stored
 * scores (at most {@code passerelle.graph.sweep.rescore-after} old), each explained in the language
 * asked ({@code lang}), else the owner's, else French; {@code explanationLanguage} says which.
 */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/ties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ties", description = "An owner's ties with their strength, class, scale and explanation")
public class TieResource {
    private static final String EXPLANATION = "explanation[] is two to four sentences saying why the tie has its class, written "
            + "in the language asked (lang), else the owner's profile language, else French; "
            + "explanationLanguage (fr or en) says which. ";
    private static final String LANG = "Language of each tie's explanation: " + LanguageParameter.DEFAULT;

    private final TieQueryService ties;

    public TieResource(TieQueryService ties) {
        this.ties = ties;
    }

    @GET
    @Operation(operationId = "listTies", summary = "Lists an owner's ties, strongest first",
            description = "A page is read through an index in the order of the stored scores, which are at most six hours old "
                    + "(sweep.rescore-after): each tie is described as of its stored score, so that the page agrees with the "
                    + "order and the filters that chose it. "
                    + EXPLANATION + "404 when no event of the owner has been received.")
    public Uni<TiePage> list(
            @Parameter(description = DiagnosticsResource.OWNER_ID,
                    schema = @Schema(type = SchemaType.STRING, pattern = Identifiers.OWNER_ID_REGEX))
            @PathParam("ownerId") String ownerId,
            @Parameter(description = "Tie classes to keep, comma-separated (class=WEAK,DORMANT); all when absent",
                    style = ParameterStyle.FORM, explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TieClass.class, uniqueItems = true))
            @QueryParam("class") String tieClass,
            @Parameter(description = "Geographic scales to keep, comma-separated (scale=CITY,REGION); all when absent",
                    style = ParameterStyle.FORM, explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = GeographicScale.class, uniqueItems = true))
            @QueryParam("scale") String scale,
            @Parameter(description = "Keep ties at least this strong, 0 to 1",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1"))
            @QueryParam("minStrength") String minStrength,
            @Parameter(description = "Page size, 1 to " + TieQuery.MAX_LIMIT + ", default " + TieQuery.DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + TieQuery.MAX_LIMIT,
                            defaultValue = "" + TieQuery.DEFAULT_LIMIT))
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = LANG, schema = @Schema(type = SchemaType.STRING, enumeration = {"fr", "en"}))
            @QueryParam(LanguageParameter.NAME) String lang) {
        TieQueryParameters.requireOwnerId(ownerId);
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Language> language = LanguageParameter.parse(lang, errors);
        TieQuery query = TieQueryParameters.parse(tieClass, scale, minStrength, limit, cursor, errors);
        return ties.list(ownerId, query, language)
                .map(listing -> new TiePage(listing.items(), listing.next() == null ? null : listing.next().encode()));
    }

    @GET
    @Path("/{contactId}")
    @Operation(operationId = "getTie", summary = "One tie of an owner",
            description = "Strength and class are computed as of the request. " + EXPLANATION
                    + "404 when the owner or the tie is unknown.")
    public Uni<Tie> get(
            @Parameter(description = DiagnosticsResource.OWNER_ID,
                    schema = @Schema(type = SchemaType.STRING, pattern = Identifiers.OWNER_ID_REGEX))
            @PathParam("ownerId") String ownerId,
            @Parameter(description = "The platform's id of the contact, " + Identifiers.CONTACT_ID_REGEX,
                    schema = @Schema(type = SchemaType.STRING, pattern = Identifiers.CONTACT_ID_REGEX))
            @PathParam("contactId") String contactId,
            @Parameter(description = LANG, schema = @Schema(type = SchemaType.STRING, enumeration = {"fr", "en"}))
            @QueryParam(LanguageParameter.NAME) String lang) {
        TieQueryParameters.requireOwnerId(ownerId);
        TieQueryParameters.requireContactId(contactId);
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Language> language = LanguageParameter.parse(lang, errors);
        TieQueryParameters.failIfAny(errors);
        return ties.get(ownerId, contactId, language);
    }
}
