package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.passerelle.client.advice.model.Objective;
import io.passerelle.client.advice.model.ObjectiveType;
import io.passerelle.client.advice.model.Reason;
import io.passerelle.client.advice.model.Recommendation;
import io.passerelle.client.advice.model.Targets;
import io.passerelle.client.advice.model.WebhookSubscriptionRequest;
import io.passerelle.client.graph.model.Tie;
import io.passerelle.client.ingestion.ApiException;
import io.passerelle.client.ingestion.ApiResponse;
import io.passerelle.client.ingestion.model.Channel;
import io.passerelle.client.ingestion.model.Contact;
import io.passerelle.client.ingestion.model.Direction;
import io.passerelle.client.ingestion.model.ImportAnswer;
import io.passerelle.client.ingestion.model.ImportJobAnswer;
import io.passerelle.client.ingestion.model.Interaction;
import io.passerelle.client.ingestion.model.Location;
import io.passerelle.client.ingestion.model.Origin;
import io.passerelle.client.ingestion.model.OwnerProfile;
import io.passerelle.client.ingestion.model.Problem;
import io.passerelle.client.ingestion.model.Source;
import io.passerelle.client.ingestion.model.State;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three packaged services on the real local stack, driven over HTTP only: what the platform's
 * backend sees, through the client generated from the committed OpenAPI documents. Interactions go
 * in at ingestion, ties come out of graph-service, advice out of advice-service, with Kafka and
 * PostgreSQL in between. The servers are reached as in production with deploy's {@code postgres-tls} and
 * {@code kafka-scram-tls} components: PostgreSQL serves encrypted connections only and the services verify its
 * certificate; Kafka serves them only on a listener where they authenticate. The other end-to-end tests run on plain
 * servers, as the local run does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasserelleEndToEndIT {
    private static final String OWNER = "e2e-owner";
    private static final String SOUND_OWNER = "sound-advice-owner";
    private static final String IMPORT_OWNER = "import-job-owner";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The generated client's own mapping (unknown fields ignored, java.time), for the bodies read by hand. */
    private static final ObjectMapper JSON = io.passerelle.client.ingestion.ApiClient.createDefaultObjectMapper();

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("end-to-end", new LocalStack.Security(true, true));

    private static ServiceProcess ingestion;
    private static ServiceProcess graph;
    private static ServiceProcess advice;
    private static ServiceApis.Ingestion ingestionApi;
    private static ServiceApis.Graph graphApi;
    private static ServiceApis.Advice adviceApi;

    @BeforeAll
    static void startServices() {
        ingestion = system.service("ingestion-service");
        graph = system.service("graph-service");
        advice = system.service("advice-service");
        ingestionApi = system.ingestionApi(ingestion);
        graphApi = system.graphApi(graph);
        adviceApi = system.adviceApi(advice);
    }

    @Test
    @Order(1)
    void everyServiceIsReadyAndDescribesItsApi() throws Exception {
        // Raw calls: health and the API descriptions are Quarkus's /q endpoints, outside the OpenAPI documents.
        for (ServiceProcess service : List.of(ingestion, graph, advice)) {
            RawHttp.Answer ready = RawHttp.get(service.baseUri().resolve("/q/health/ready"));
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
            RawHttp.Answer openapi = RawHttp.get(service.baseUri().resolve("/q/openapi"));
            assertThat(openapi.status()).isEqualTo(200);
            assertThat(openapi.body()).contains("/v1/");
            // The Kafka topics' description, without a token, like /q/openapi; its schemas beside it.
            RawHttp.Answer asyncapi = RawHttp.get(service.baseUri().resolve("/q/asyncapi"));
            assertThat(asyncapi.status()).isEqualTo(200);
            assertThat(asyncapi.contentType()).startsWith("application/yaml");
            assertThat(asyncapi.body()).contains("asyncapi: 3.0.0", Topics.TIES);
            RawHttp.Answer schema = RawHttp.get(service.baseUri().resolve("/q/asyncapi/schemas/passerelle.tie.updated/v1.json"));
            assertThat(schema.status()).isEqualTo(200);
            assertThat(schema.contentType()).startsWith("application/schema+json");
            assertThat(JSON.readTree(schema.body()).path("$id").asText()).isEqualTo("urn:passerelle:schema:passerelle.tie.updated:v1");
        }
        for (String database : LocalStack.DATABASES) {
            assertThat(system.rows(database, """
                    SELECT s.ssl::text FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid
                    WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()"""))
                    .as("whether each session of the service on %s is encrypted", database).isNotEmpty().containsOnly(List.of("true"));
        }
    }

    @Test
    @Order(2)
    void anInteractionBecomesATieAndATieBecomesGuardRailedAdvice() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        accepted(ingestionApi.owners().putOwnerProfileWithHttpInfo(OWNER, new OwnerProfile()
                .displayName("Nadia Owner").sector("Coaching").company("Atelier").language("en")
                .location(new Location().city("Paris").postalCode("75011").region("Île-de-France").country("FR"))
                .allowStrongTiesForCommitting(false)));
        accepted(ingestionApi.contacts().putContactWithHttpInfo("wendy", OWNER, new Contact()
                .displayName("Wendy Weak").company("Shopify").role("Talent acquisition lead").sector("Software")
                .origin(Origin.EVENT).source(Source.LINKEDIN).location(new Location().city("Montreal").country("CA"))));
        accepted(ingestionApi.contacts().putContactWithHttpInfo("sam", OWNER, new Contact()
                .displayName("Sam Sister").company("Doctolib").role("Engineering manager").sector("Software")
                .origin(Origin.FAMILY).declaredCloseness(5).source(Source.PHONE).location(new Location().city("Paris").country("FR"))));

        // A sister seen every few weeks, the last time three weeks ago (a meeting last week would mean they are in
        // conversation already: nothing to advise).
        for (int day = 1; day <= 12; day++) {
            accepted(ingestionApi.interactions().recordInteractionWithHttpInfo(OWNER,
                    interaction(null, "sam", now.minus(Duration.ofDays(20 + day * 5L)), Channel.MEETING, Direction.MUTUAL)));
        }
        Interaction once = interaction("wendy-comment-1", "wendy", now.minus(Duration.ofDays(40)), Channel.PUBLIC_COMMENT, Direction.INBOUND);
        String firstEventId = accepted(ingestionApi.interactions().recordInteractionWithHttpInfo(OWNER, once)).getEventId();
        String retriedEventId = accepted(ingestionApi.interactions().recordInteractionWithHttpInfo(OWNER, once)).getEventId();
        assertThat(retriedEventId).isEqualTo(firstEventId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Tie sam = ServiceApis.answer(() -> graphApi.ties().getTie("sam", OWNER, null));
            assertThat(sam.getInteractionCount()).isEqualTo(12);
            assertThat(sam.getTieClass()).isEqualTo(io.passerelle.client.graph.model.TieClass.STRONG);
            Tie wendy = ServiceApis.answer(() -> graphApi.ties().getTie("wendy", OWNER, null));
            assertThat(wendy.getInteractionCount()).as("the retried interaction is counted once").isEqualTo(1);
            assertThat(wendy.getTieClass()).isEqualTo(io.passerelle.client.graph.model.TieClass.WEAK);
            assertThat(wendy.getStrength()).isLessThan(sam.getStrength());
        });
        assertThat(graphApi.ties().listTies(OWNER, null, null, null, null, null, null).getItems())
                .extracting(Tie::getContactId).contains("wendy");

        var stored = adviceApi.objectives().putObjectiveWithHttpInfo("next-job", OWNER, new Objective()
                .type(ObjectiveType.JOB_SEARCH).language("en")
                .targets(new Targets().sectors(List.of("Software")).roles(List.of("Engineering manager", "Talent acquisition lead"))));
        assertThat(stored.getStatusCode()).isEqualTo(200);
        assertThat(stored.getData().getType()).isEqualTo(ObjectiveType.JOB_SEARCH);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Recommendation> items = ServiceApis.answer(() -> adviceApi.recommendations().listRecommendations("next-job", OWNER, 10)).getItems();
            assertThat(items).extracting(Recommendation::getContactId).contains("wendy", "sam");
            assertThat(items.get(0).getContactId()).as("the weak tie in the target sector comes first").isEqualTo("wendy");
            assertThat(items).filteredOn(item -> "sam".equals(item.getContactId()))
                    .as("a strong family tie never receives a committing request")
                    .allSatisfy(item -> assertThat(item.getRequestKind()).isEqualTo(io.passerelle.client.advice.model.RequestKind.LIGHT));
        });
    }

    @Test
    @Order(3)
    void badInputIsRejectedWithAProblemThatNamesTheField() throws Exception {
        // Raw call: the client's Channel enum cannot carry an unknown channel, which is the point of this request.
        RawHttp.Answer unknownChannel = RawHttp.sendJson("POST", ingestion.baseUri().resolve("/v1/owners/" + OWNER + "/interactions"),
                "{\"contactId\":\"wendy\",\"occurredAt\":\"" + Instant.now().minusSeconds(60)
                        + "\",\"channel\":\"CARRIER_PIGEON\",\"direction\":\"INBOUND\"}",
                LocalTokenIssuer.local().platform());
        assertThat(unknownChannel.status()).as(unknownChannel.body()).isEqualTo(400);
        assertThat(unknownChannel.contentType()).startsWith("application/problem+json");
        Problem channelProblem = JSON.readValue(unknownChannel.body(), Problem.class);
        assertThat(channelProblem.getStatus()).isEqualTo(400);
        assertThat(channelProblem.getErrors()).extracting(io.passerelle.client.ingestion.model.FieldError::getField).contains("channel");

        ApiException noName = catchThrowableOfType(ApiException.class, () -> ingestionApi.contacts()
                .putContact("nobody", OWNER, new Contact().emails(List.of("not-an-email"))));
        assertThat(noName.getCode()).isEqualTo(400);
        assertThat(noName.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readValue(noName.getResponseBody(), Problem.class).getErrors())
                .extracting(io.passerelle.client.ingestion.model.FieldError::getField).contains("displayName");

        io.passerelle.client.graph.ApiException unknownOwner = catchThrowableOfType(io.passerelle.client.graph.ApiException.class,
                () -> graphApi.ties().listTies("nobody-knows-me", null, null, null, null, null, null));
        assertThat(unknownOwner.getCode()).isEqualTo(404);
        assertThat(unknownOwner.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    /**
     * What crosses the three services for the advice to be sound (DOMAIN.md section 5): graph-service
     * classes a school mate without logged exchange as a dormant tie, remembers that a silent former
     * colleague was once strong (peak strength), infers the origin of an imported LinkedIn connection from
     * the owner's profile and records two-way exchanges; advice-service reads them to reach a key person
     * through the tie who knows them, never with a committing request to someone the owner has not really
     * exchanged with.
     */
    @Test
    @Order(4)
    void tiesCarryTheirHistoryAndTheAdviceGoesThroughWhoKnowsWhomTheirHistoryAndTheAdviceGoesThroughWhoKnowsWhom() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        accepted(ingestionApi.owners().putOwnerProfileWithHttpInfo(SOUND_OWNER, new OwnerProfile()
                .displayName("Léa Martin").sector("Software").role("Product manager").company("Acme")
                .pastCompanies(List.of("Globex")).schools(List.of("INSA Lyon")).language("en")
                .location(new Location().city("Lyon").postalCode("69003").region("Auvergne-Rhône-Alpes").country("FR"))));
        contact("mate", new Contact().displayName("Paul Mercier").origin(Origin.SCHOOL).declaredCloseness(4).schools(List.of("INSA Lyon"))
                .company("Thales").sector("Aerospace").connectedOn(LocalDate.parse("2008-09-01")));
        contact("fresh", new Contact().displayName("Zoé Blanc").origin(Origin.ONLINE).source(Source.LINKEDIN).company("Hooli").sector("Retail")
                .connectedOn(today.minusDays(20)));
        contact("former", new Contact().displayName("Marc Petit").origin(Origin.FORMER_COLLEAGUE).company("Lydia").sector("Fintech")
                .role("Engineering manager").pastCompanies(List.of("Globex")));
        contact("target", new Contact().displayName("Inès Dubois").origin(Origin.ONLINE).source(Source.LINKEDIN).company("Lydia").sector("Fintech")
                .role("Head of product").connectedOn(today.minusDays(30)).mutualContactIds(List.of("bridge")));
        contact("bridge", new Contact().displayName("Hugo Garnier").origin(Origin.EVENT).company("Initech").sector("Consulting"));
        contact("liker", new Contact().displayName("Nina Roy").origin(Origin.EVENT).company("Lydia").sector("Fintech").role("Data analyst"));

        // The former colleague: a year of weekly meetings five years ago, silence since.
        for (int week = 0; week < 40; week++) {
            record("former", now.minus(Duration.ofDays(5 * 365 - week * 7L)), Channel.MEETING, Direction.MUTUAL);
        }
        // The bridge: a two-way exchange two months ago.
        record("bridge", now.minus(Duration.ofDays(60)), Channel.PRIVATE_MESSAGE, Direction.OUTBOUND);
        record("bridge", now.minus(Duration.ofDays(59)), Channel.PRIVATE_MESSAGE, Direction.INBOUND);
        record("bridge", now.minus(Duration.ofDays(30)), Channel.CALL, Direction.MUTUAL);
        // The liker: reactions and a comment only, however recent.
        record("liker", now.minus(Duration.ofDays(3)), Channel.REACTION, Direction.INBOUND);
        record("liker", now.minus(Duration.ofDays(2)), Channel.PUBLIC_COMMENT, Direction.INBOUND);

        // An imported LinkedIn connection comes without an origin; it worked where the owner used to.
        String connections = """
                Notes:
                "When exporting your connection data, you may notice that some of the email addresses are missing."

                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Chloé,Vidal,https://www.linkedin.com/in/chloe-vidal,,Globex,Senior designer,%s
                """.formatted(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH).format(today.minusYears(4)));
        // Raw call: the generated Java client (library native) would send the file's path as a JSON string, not its bytes.
        RawHttp.Answer answer = RawHttp.send("POST", ingestion.baseUri().resolve("/v1/owners/" + SOUND_OWNER + "/imports?format=linkedin-connections"),
                "text/csv; charset=utf-8", connections, LocalTokenIssuer.local().platform());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ImportAnswer imported = JSON.readValue(answer.body(), ImportAnswer.class);
        assertThat(imported.getAccepted()).as("import answer %s", imported).isEqualTo(1);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Tie mate = tie("mate");
            assertThat(mate.getTieClass()).as("a school mate of twenty years is a tie to reactivate")
                    .isEqualTo(io.passerelle.client.graph.model.TieClass.DORMANT);
            assertThat(mate.getExplanation()).anySatisfy(sentence -> assertThat(sentence).containsIgnoringCase("school"));
            assertThat(tie("fresh").getTieClass()).isEqualTo(io.passerelle.client.graph.model.TieClass.NASCENT);

            Tie former = tie("former");
            assertThat(former.getTieClass()).isEqualTo(io.passerelle.client.graph.model.TieClass.DORMANT);
            assertThat(former.getPeakStrength()).as("once strong").isGreaterThanOrEqualTo(0.55);
            assertThat(former.getPeakStrengthAt().toInstant()).isBefore(now.minus(Duration.ofDays(3 * 365)));
            assertThat(former.getPeakStrength()).isGreaterThan(former.getStrength());

            Tie bridge = tie("bridge");
            assertThat(bridge.getLastReciprocatedAt().toInstant()).isAfter(now.minus(Duration.ofDays(61)));
            assertThat(tie("liker").getLastReciprocatedAt()).as("a reaction is not an exchange").isNull();

            List<Tie> ties = ServiceApis.answer(() -> graphApi.ties().listTies(SOUND_OWNER, null, null, null, 50, null, null)).getItems();
            assertThat(ties).filteredOn(tie -> "Chloé Vidal".equals(tie.getDisplayName()))
                    .as("the imported connection, among %s", ties.stream().map(Tie::getDisplayName).toList())
                    .extracting(Tie::getOrigin).containsExactly(io.passerelle.client.graph.model.Origin.FORMER_COLLEAGUE);
        });

        assertThat(adviceApi.objectives().putObjectiveWithHttpInfo("fintech-move", SOUND_OWNER, new Objective()
                .type(ObjectiveType.JOB_SEARCH).language("en")
                .targets(new Targets().companies(List.of("Lydia")).sectors(List.of("Fintech")))).getStatusCode()).isEqualTo(200);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Recommendation> items = ServiceApis.answer(() -> adviceApi.recommendations().listRecommendations("fintech-move", SOUND_OWNER, 10)).getItems();
            Recommendation bridge = item(items, "bridge");
            assertThat(bridge.getAction()).isEqualTo(io.passerelle.client.advice.model.Action.ASK_INTRODUCTION);
            assertThat(bridge.getRequestKind()).isEqualTo(io.passerelle.client.advice.model.RequestKind.LIGHT);
            assertThat(bridge.getIntroductionTo()).isEqualTo(new io.passerelle.client.advice.model.IntroductionTarget()
                    .contactId("target").displayName("Inès Dubois"));
            assertThat(codes(bridge)).contains("KNOWS_TARGET_PERSON");

            Recommendation former = item(items, "former");
            assertThat(former.getAction()).isEqualTo(io.passerelle.client.advice.model.Action.REACTIVATE);
            assertThat(codes(former)).contains("DORMANT_FORMERLY_STRONG");

            Recommendation liker = item(items, "liker");
            assertThat(liker.getRequestKind()).as("no committing request without a two-way exchange")
                    .isEqualTo(io.passerelle.client.advice.model.RequestKind.LIGHT);
            assertThat(codes(liker)).contains("NOT_YET_RECIPROCATED");
        });
    }

    /**
     * What the services published while the tests above ran, read as a third-party consumer would:
     * every record on every topic has the headers, the key and data the AsyncAPI document of
     * event-contracts describes, its data valid against the JSON Schema its {@code ce_dataschema} names.
     */
    /**
     * An import run as a job, as an integrator runs a large one: 202 with the job's Location at once, its
     * progress read there until COMPLETED, then ingestion-service's {@code passerelle.import.completed} on
     * {@code passerelle.imports.v1} and, through advice-service, an {@code import.completed} webhook to
     * the receiver subscribed for that owner, naming the same job and its Location.
     */
    @Test
    @Order(5)
    void anImportJobShowsItsProgressAndAnnouncesItsCompletionByWebhook() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/imports", exchange -> {
            if (exchange.getRequestHeaders().getFirst("webhook-signature") != null) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            assertThat(system.adviceApiAsOperator(advice).webhooks().createWebhookSubscriptionWithHttpInfo(new WebhookSubscriptionRequest()
                    .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/imports")
                    .eventTypes(List.of("import.completed")).ownerIds(List.of(IMPORT_OWNER))).getStatusCode()).isEqualTo(201);
            String connections = """
                    First Name,Last Name,URL,Email Address,Company,Position,Connected On
                    Inès,Garcia,https://www.linkedin.com/in/ines-garcia,,Initech,Product Manager,12 Mar 2021
                    Marc,Dupont,https://www.linkedin.com/in/marc-dupont,,Globex,Head of Sales,03 Jan 2023
                    Sofia,Rossi,https://www.linkedin.com/in/sofia-rossi,,Umbrella,Recruiter,28 Sep 2024
                    """;
            // Raw call: the generated Java client (library native) would send the file's path as a JSON string, not its bytes.
            RawHttp.Answer staged = RawHttp.send("POST", ingestion.baseUri().resolve("/v1/owners/" + IMPORT_OWNER
                    + "/imports?format=linkedin-connections"), "text/csv; charset=utf-8", connections, LocalTokenIssuer.local().platform(),
                    Map.of("Prefer", "respond-async"));
            assertThat(staged.status()).as(staged.body()).isEqualTo(202);
            String location = URI.create(staged.header("Location").orElseThrow()).getPath();
            String importId = location.substring(location.lastIndexOf('/') + 1);
            assertThat(location).isEqualTo("/v1/owners/" + IMPORT_OWNER + "/imports/" + importId);

            ImportJobAnswer job = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                    .until(() -> ServiceApis.answer(() -> ingestionApi.imports().getImportJob(importId, IMPORT_OWNER)),
                            answer -> answer.getState() == State.COMPLETED);
            assertThat(job.getAccepted()).isEqualTo(3);
            assertThat(job.getBytesRead()).isEqualTo(job.getBytesTotal());

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(system.kafka().readAll(Topics.IMPORTS)).filteredOn(r -> IMPORT_OWNER.equals(r.key()))
                        .filteredOn(r -> EventTypes.IMPORT_COMPLETED.equals(KafkaFixtures.header(r, "ce_type"))).hasSize(1);
                assertThat(received).as("import.completed webhooks").hasSize(1);
            });
            JsonNode webhook = JSON.readTree(received.get(0));
            assertThat(webhook.path("type").asText()).isEqualTo("import.completed");
            assertThat(webhook.path("data").path("importId").asText()).isEqualTo(importId);
            assertThat(webhook.path("data").path("location").asText()).isEqualTo(location);
            assertThat(webhook.path("data").path("accepted").asLong()).isEqualTo(3);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @Order(6)
    void everyRecordPublishedIsAsTheAsyncApiDocumentDescribesIt() throws Exception {
        // advice-service's outbox relay publishes on its own schedule: wait until the recommendations are out too.
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> recordsByType = new java.util.TreeMap<>();
            for (String topic : List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS, Topics.TIES, Topics.RECOMMENDATIONS,
                    Topics.IMPORTS)) {
                for (var record : system.kafka().readAll(topic)) {
                    recordsByType.merge(String.valueOf(EventSchemaCheck.assertAsDescribed(record)), 1L, Long::sum);
                }
            }
            assertThat(recordsByType).as("the types the tests above made the services publish").containsKeys(
                    EventTypes.OWNER_PROFILE_UPDATED, EventTypes.CONTACT_UPSERTED, EventTypes.INTERACTION_RECORDED,
                    EventTypes.TIE_UPDATED, EventTypes.RECOMMENDATION_ISSUED, EventTypes.IMPORT_COMPLETED);
        });
    }

    private static Recommendation item(List<Recommendation> items, String contactId) {
        return items.stream().filter(item -> contactId.equals(item.getContactId())).findFirst()
                .orElseThrow(() -> new AssertionError(contactId + " is not recommended: " + items.stream().map(Recommendation::getContactId).toList()));
    }

    private static List<String> codes(Recommendation item) {
        return item.getReasons().stream().map(Reason::getCode).toList();
    }

    /** The tie, once graph-service has it (a 404 before fails as an assertion, polled again). */
    private static Tie tie(String contactId) {
        return ServiceApis.answer(() -> graphApi.ties().getTie(contactId, SOUND_OWNER, null));
    }

    private static void contact(String contactId, Contact contact) throws ApiException {
        accepted(ingestionApi.contacts().putContactWithHttpInfo(contactId, SOUND_OWNER, contact));
    }

    private static void record(String contactId, Instant at, Channel channel, Direction direction) throws ApiException {
        accepted(ingestionApi.interactions().recordInteractionWithHttpInfo(SOUND_OWNER, interaction(null, contactId, at, channel, direction)));
    }

    /** The answer's body, once its status is 202: the event is durably in Kafka. */
    private static <T> T accepted(ApiResponse<T> response) {
        assertThat(response.getStatusCode()).isEqualTo(202);
        return response.getData();
    }

    private static Interaction interaction(String id, String contactId, Instant at, Channel channel, Direction direction) {
        return new Interaction().interactionId(id).contactId(contactId).occurredAt(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .channel(channel).direction(direction).source(Source.MANUAL);
    }
}
