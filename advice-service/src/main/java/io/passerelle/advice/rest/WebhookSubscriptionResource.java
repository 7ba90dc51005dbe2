package io.passerelle.advice.rest;

import io.passerelle.advice.service.WebhookService;
import io.passerelle.advice.webhook.DeliveryStatus;
import io.passerelle.advice.webhook.WebhookDelivery;
import io.passerelle.advice.webhook.WebhookSubscription;
import io.passerelle.advice.webhook.WebhookSubscriptionRequest;
import io.passerelle.advice.webhook.WebhookTestResult;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions and their deliveries (API.md, advice-service, Webhooks). */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "Signed webhooks: subscriptions and their deliveries")
public class WebhookSubscriptionResource {
    /** Subscription ids are UUIDs; webhook ids are msg_ and 32 hex digits. */
    static final String ID_REGEX = "[A-Za-z0-9-]{1,64}";
    static final String WEBHOOK_ID_REGEX = "[A-Za-z0-9_-]{1,64}";
    static final int MAX_DELIVERIES = 200;
    static final String STATUS_REGEX = "PENDING|SUCCEEDED|FAILED|CANCELLED";

    private final WebhookService webhooks;

    public WebhookSubscriptionResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to event types (recommendation.issued, recommendation.withdrawn, tie.class-changed, "
            + "import.completed), "
            + "optionally for some owners only (ownerIds)")
    @APIResponse(responseCode = "201", description = "{id, url, eventTypes, secret, enabled, ownerIds, ...}; Location names the subscription",
            headers = @Header(name = "Location", description = "The subscription: /v1/webhook-subscriptions/{id}", schema = @Schema(implementation = URI.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscription.class)))
    @APIResponse(responseCode = "400", description = "Invalid subscription; errors name the fields (url also when it leads to a "
            + "loopback, private, link-local or other special-purpose address)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull(message = "a JSON body {url, eventTypes, secret} is required") WebhookSubscriptionRequest body,
                                @Context UriInfo uri) {
        return webhooks.create(body)
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build());
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "List the subscriptions (without their secrets)")
    public Uni<List<WebhookSubscription>> list() {
        return webhooks.list();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "Read a subscription, with its secret and whether it is enabled")
    @APIResponse(responseCode = "200", description = "The subscription, with its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscription.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookSubscription> get(@PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a subscription and its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id) {
        return webhooks.delete(id).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's deliveries, newest first")
    @APIResponse(responseCode = "200", description = "[{webhookId, eventType, attempts, status, lastStatusCode, nextAttemptAt, lastError, ...}]")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<WebhookDelivery>> deliveries(
            @PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id,
            @QueryParam("status") @Pattern(regexp = STATUS_REGEX, message = "must be one of " + STATUS_REGEX) String status,
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "must be between 1 and " + MAX_DELIVERIES)
            @Max(value = MAX_DELIVERIES, message = "must be between 1 and " + MAX_DELIVERIES) int limit) {
        return webhooks.deliveries(id, status == null ? null : DeliveryStatus.valueOf(status), limit);
    }

    @GET
    @Path("{id}/deliveries/{webhookId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with the outcome of every attempt (history)")
    @APIResponse(responseCode = "200", description = "The delivery and its attempts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDelivery.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookDelivery> delivery(
            @PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id,
            @PathParam("webhookId") @Pattern(regexp = WEBHOOK_ID_REGEX, message = "must match " + WEBHOOK_ID_REGEX) String webhookId) {
        return webhooks.delivery(id, webhookId);
    }

    @POST
    @Path("{id}/deliveries/{webhookId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Make a delivery due now, with the same webhook-id")
    @APIResponse(responseCode = "202", description = "Due now; the sender picks it up at its next poll")
    @APIResponse(responseCode = "404", description = "No such subscription or delivery",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The subscription is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> redeliver(
            @PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id,
            @PathParam("webhookId") @Pattern(regexp = WEBHOOK_ID_REGEX, message = "must match " + WEBHOOK_ID_REGEX) String webhookId) {
        return webhooks.redeliver(id, webhookId).replaceWith(Response.accepted().build());
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSubscriptionSecret",
            summary = "Give the subscription a new secret, shown in this answer; the previous one keeps signing beside it for a while")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret and previousSecretExpiresAt: until then each "
            + "delivery's webhook-signature holds two signatures, v1,<new> v1,<previous>",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscription.class)))
    @APIResponse(responseCode = "400", description = "Malformed id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookSubscription> rotateSecret(@PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id) {
        return webhooks.rotateSecret(id);
    }

    @POST
    @Path("{id}/test")
    @Operation(operationId = "testWebhookSubscription",
            summary = "Send a signed webhook.test message to the subscription's URL now and answer what came of it")
    @APIResponse(responseCode = "200", description = "{webhookId, delivered, statusCode, error, durationMillis}: delivered is true for a "
            + "2xx; a refused destination, a timeout or another status is delivered false with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookTestResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookTestResult> test(@PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id) {
        return webhooks.test(id);
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableWebhookSubscription",
            summary = "Enable a subscription again after it was disabled (e.g. by a 410 Gone); new events are delivered from now on")
    @APIResponse(responseCode = "200", description = "The subscription, enabled, without its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscription.class)))
    @APIResponse(responseCode = "400", description = "Malformed id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookSubscription> enable(@PathParam("id") @Pattern(regexp = ID_REGEX, message = "must match " + ID_REGEX) String id) {
        return webhooks.enable(id);
    }
}
