package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.client.advice.model.AdviceExport;
import io.passerelle.client.advice.model.Objective;
import io.passerelle.client.advice.model.ObjectiveType;
import io.passerelle.client.advice.model.Recommendation;
import io.passerelle.client.advice.model.Targets;
import io.passerelle.client.advice.model.Tie;
import io.passerelle.client.ingestion.ApiException;
import io.passerelle.client.ingestion.ApiResponse;
import io.passerelle.client.ingestion.model.Channel;
import io.passerelle.client.ingestion.model.Contact;
import io.passerelle.client.ingestion.model.Direction;
import io.passerelle.client.ingestion.model.Interaction;
import io.passerelle.client.ingestion.model.Location;
import io.passerelle.client.ingestion.model.Origin;
import io.passerelle.client.ingestion.model.OwnerProfile;
import io.passerelle.client.ingestion.model.Source;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.endtoend.HealthWatch.Observation;
import io.passerelle.endtoend.HealthWatch.Probe;
import io.passerelle.localstack.PostgresServer;
import io.passerelle.localstack.ServiceProcess;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL hangs under graph-service and advice-service (SIGSTOP: the connections stay open and
 * nothing answers, as in a frozen database host or a network partition) for three times the longest
 * of their timeouts, then comes back. Neither service needs a restart: liveness stays UP the whole
 * time, readiness is DOWN with the reason during the stall and UP after it, every event sent during
 * the stall is applied, the services go on consuming, and the processes are the same as before.
 *
 * <p>By default the services run with shortened timeouts so that the stall lasts well under a
 * minute. {@code -Dstall.production-defaults=true -Dstall.seconds=150} runs the same test on the
 * services' own defaults with a stall of 150 s.
 */
class DatabaseStallIT {
    private static final String OWNER = "stall-owner";
    private static final String OBJECTIVE = "next-job";
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- The settings. The services read these names (environment form of passerelle.database.stall-timeout,
    // passerelle.consumer.max-backoff, the consumers' session.timeout.ms and max.poll.interval.ms, and
    // advice.webhooks.lease); each is
    // overridable by a system property, and -Dstall.production-defaults=true passes none of them.
    private static final boolean PRODUCTION_DEFAULTS = Boolean.getBoolean("stall.production-defaults");
    /** A database call that hears nothing for this long is abandoned and retried. */
    private static final Duration DATABASE_STALL_TIMEOUT = durationProperty("stall.database-stall-timeout", "5s");
    /** The consumers' longest wait between two attempts at a batch. */
    private static final Duration CONSUMER_MAX_BACKOFF = durationProperty("stall.consumer-max-backoff", "2s");
    /** How long the broker waits for a silent consumer before giving its partitions to others (both consumers). */
    private static final Duration SESSION_TIMEOUT = durationProperty("stall.session-timeout", "10s");
    /**
     * How long a consumer may go without polling before the broker takes its partitions (both consumers):
     * the connector keeps polling while a batch waits for the database, which a stall longer than this shows.
     */
    private static final Duration MAX_POLL_INTERVAL = durationProperty("stall.max-poll-interval", "10s");
    /** How long advice-service's webhook sender holds a claimed delivery. */
    private static final Duration WEBHOOKS_LEASE = durationProperty("stall.webhooks-lease", "10s");
    /**
     * With the production defaults, the longest of the services' own timeouts but one:
     * passerelle.database.stall-timeout and advice.webhooks.lease (60 s; the session timeouts are 45 s,
     * the back-off caps 30 s). The consumers' max.poll.interval.ms (300 s) is the exception: the
     * shortened run, where it is 10 s, shows that a stall outlasts it; with the defaults the test is
     * run for the 150 s the README names ({@code -Dstall.seconds=150}).
     */
    private static final Duration PRODUCTION_LONGEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LONGEST_TIMEOUT = PRODUCTION_DEFAULTS ? PRODUCTION_LONGEST_TIMEOUT
            : Stream.of(DATABASE_STALL_TIMEOUT, CONSUMER_MAX_BACKOFF, SESSION_TIMEOUT, MAX_POLL_INTERVAL, WEBHOOKS_LEASE).max(Duration::compareTo).orElseThrow();
    /** Three times the longest timeout, so that every one of them expires during the stall, repeatedly; plus a margin. */
    private static final Duration STALL = System.getProperty("stall.seconds") != null
            ? Duration.ofSeconds(Long.getLong("stall.seconds"))
            : LONGEST_TIMEOUT.multipliedBy(3).plusSeconds(8);
    /** How long after the stall the services may take to catch up (generous: the machine is shared and has two cores). */
    private static final Duration RECOVERY = Duration.ofSeconds(60).plus(LONGEST_TIMEOUT.multipliedBy(2));
    /**
     * A health probe answered later than this counts as failed, as an orchestrator's probe gives up
     * after a few seconds (lenient here, for a loaded machine with two cores).
     */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("database-stall");

    /** How many interactions were sent per contact, to compare with the projections. */
    private final Map<String, Integer> sent = new LinkedHashMap<>();

    @Test
    void graphAndAdviceSurviveAHungDatabaseWithoutARestart() throws Exception {
        System.out.printf(Locale.ROOT, "DatabaseStallIT: %s, longest timeout %ss, stall %ss%n",
                PRODUCTION_DEFAULTS ? "production defaults" : "shortened timeouts " + settings(), LONGEST_TIMEOUT.toSeconds(), STALL.toSeconds());
        ServiceProcess graph = system.service("graph-service", graphSettings());
        ServiceProcess advice = system.service("advice-service", adviceSettings());
        ServiceProcess ingestion = system.service("ingestion-service", settings());
        PostgresServer postgres = system.stack().embeddedPostgres()
                .orElseThrow(() -> new IllegalStateException("DatabaseStallIT pauses the embedded PostgreSQL: unset POSTGRES_HOST"));

        // ---- Before the stall: a small network, its ties and its advice.
        accepted(system.ingestionApi(ingestion).owners().putOwnerProfileWithHttpInfo(OWNER, new OwnerProfile()
                .displayName("Stella Owner").sector("Coaching").language("en").location(new Location().city("Paris").country("FR"))));
        for (String contact : List.of("ana", "bruno", "chloe")) {
            putContact(ingestion, contact);
        }
        sendInteractions(ingestion, "ana", 3);
        sendInteractions(ingestion, "bruno", 2);
        sendInteractions(ingestion, "chloe", 1);
        awaitProjected(graph, advice, Duration.ofSeconds(90));
        assertThat(system.adviceApi(advice).objectives().putObjectiveWithHttpInfo(OBJECTIVE, OWNER, new Objective()
                .type(ObjectiveType.JOB_SEARCH).language("en").targets(new Targets().sectors(List.of("Software")))).getStatusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(recommendedContacts(advice)).contains("ana", "bruno", "chloe"));
        Map<ServiceProcess, Long> pids = Stream.of(ingestion, graph, advice)
                .collect(Collectors.toMap(Function.identity(), ServiceProcess::pid));

        // ---- The stall.
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(5);
        HealthWatch health = new HealthWatch(scheduler, Duration.ofMillis(500), PROBE_TIMEOUT);
        ScheduledFuture<Instant> resume = null;
        Instant timelineOrigin = null;
        try {
            health.watch(List.of(graph, advice));
            // Every probe answers 200 once before the stall, so that the timelines start from a healthy state.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> Stream.of(graph, advice)
                    .allMatch(service -> Stream.of(Probe.values()).allMatch(probe -> health.of(service, probe).stream()
                            .anyMatch(o -> o.status() == 200))));
            postgres.pause();
            Instant pausedAt = Instant.now();
            timelineOrigin = pausedAt;
            // The end of the stall is scheduled, not slept for: the test thread sends traffic meanwhile.
            resume = scheduler.schedule(() -> {
                postgres.resume();
                return Instant.now();
            }, STALL.toMillis(), TimeUnit.MILLISECONDS);

            // ingestion-service does not use PostgreSQL: it goes on accepting, and the events wait in Kafka.
            sendInteractions(ingestion, "ana", 2);
            sendInteractions(ingestion, "bruno", 1);
            putContact(ingestion, "dora");
            sendInteractions(ingestion, "dora", 3);

            Instant resumedAt = resume.get(STALL.plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf(Locale.ROOT, "DatabaseStallIT: PostgreSQL paused for %.1fs%n", Duration.between(pausedAt, resumedAt).toMillis() / 1000.0);

            // ---- After the stall. Every check runs, each within what is left of one recovery deadline, so
            // that a failure reports all that went wrong (and the probes' timelines) at once.
            Instant recoveryDeadline = resumedAt.plus(RECOVERY);
            assertAll("graph-service and advice-service through a " + STALL.toSeconds() + " s database stall",
                    () -> assertThat(readyDownWithAReasonDuring(health, graph, "ingested-events", pausedAt, resumedAt))
                            .as("graph-service's readiness said DOWN, naming the database or the consumer, during the stall\n%s",
                                    health.timeline(graph, Probe.READY, pausedAt))
                            .isTrue(),
                    () -> assertThat(readyDownWithAReasonDuring(health, advice, "advice-inputs", pausedAt, resumedAt))
                            .as("advice-service's readiness said DOWN, naming the database or the consumer, during the stall\n%s",
                                    health.timeline(advice, Probe.READY, pausedAt))
                            .isTrue(),
                    () -> await().atMost(until(recoveryDeadline)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        for (ServiceProcess service : List.of(graph, advice)) {
                            // Raw call: readiness is Quarkus's /q/health, outside the OpenAPI documents.
                            assertThat(RawHttp.get(service.baseUri().resolve("/q/health/ready")).status()).as("%s's readiness after the stall", service.name())
                                    .isEqualTo(200);
                        }
                    }),
                    () -> {
                        awaitProjected(graph, advice, until(recoveryDeadline));
                        // dora exists only through events sent during the stall, and matches the objective's sector:
                        // with four matching ties and a limit of ten, every one of them is recommended.
                        await().atMost(until(recoveryDeadline)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                                assertThat(recommendedContacts(advice)).contains("ana", "bruno", "chloe", "dora"));
                        // the outbox relay went on too: dora's recommendation reached the recommendations topic.
                        await().atMost(until(recoveryDeadline)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                                assertThat(system.kafka().readAll(Topics.RECOMMENDATIONS))
                                        .filteredOn(record -> OWNER.equals(record.key()) && record.value() != null)
                                        .filteredOn(record -> EventTypes.RECOMMENDATION_ISSUED.equals(KafkaFixtures.header(record, "ce_type")))
                                        .anySatisfy(record -> assertThat(record.value()).contains("\"dora\"")));
                        // the consumers go on after the backlog: an interaction sent now is applied too.
                        sendInteractions(ingestion, "dora", 1);
                        awaitProjected(graph, advice, until(recoveryDeadline));
                    },
                    () -> {
                        for (ServiceProcess service : List.of(graph, advice)) {
                            List<Observation> live = health.of(service, Probe.LIVE);
                            String timeline = health.timeline(service, Probe.LIVE, pausedAt);
                            assertThat(live.stream().anyMatch(o -> o.answeredAt().isBefore(pausedAt))
                                    && live.stream().anyMatch(o -> o.answeredAt().isAfter(resumedAt)))
                                    .as("%s's liveness polled from before the stall to after it\n%s", service.name(), timeline).isTrue();
                            assertThat(live.stream().filter(o -> o.status() != 200).count())
                                    .as("%s's liveness answers other than 200 within %ss\n%s\nfirst of each: %s", service.name(),
                                            PROBE_TIMEOUT.toSeconds(), timeline, health.firstOtherThanOk(service, Probe.LIVE))
                                    .isZero();
                        }
                    },
                    () -> pids.forEach((service, pid) -> {
                        assertThat(service.pid()).as("%s's PID", service.name()).isEqualTo(pid);
                        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                                .as("%s is still running as the process it was before the stall (PID %s)", service.name(), pid)
                                .contains(true);
                    }));
        } finally {
            if (resume != null) {
                resume.cancel(false);
            }
            postgres.resume();
            health.close();
            scheduler.shutdownNow();
            if (timelineOrigin != null) {
                for (ServiceProcess service : List.of(graph, advice)) {
                    for (Probe probe : Probe.values()) {
                        System.out.println("DatabaseStallIT: " + health.timeline(service, probe, timelineOrigin));
                        System.out.println("DatabaseStallIT:   first answers other than 200: " + health.firstOtherThanOk(service, probe));
                    }
                }
            }
        }
    }

    /**
     * Whether a readiness answer during the stall was 503 with status DOWN and a DOWN check that
     * names the cause. What counts as naming it: the check's name mentions the database
     * ("database", "postgres", "datasource") or the consumer ("consumer"), or its data names the
     * consuming channel. The exact wording of the checks is the services' to choose; this only
     * demands that a reader of the answer learns it is the database or the consumer, not, say,
     * the broker alone or an empty DOWN.
     */
    private static boolean readyDownWithAReasonDuring(HealthWatch health, ServiceProcess service, String channel,
                                                      Instant pausedAt, Instant resumedAt) {
        return health.of(service, Probe.READY).stream()
                .filter(o -> o.status() == 503 && o.answeredAt().isAfter(pausedAt) && o.answeredAt().isBefore(resumedAt))
                .anyMatch(o -> namesTheDatabaseOrTheConsumer(o.body(), channel));
    }

    private static boolean namesTheDatabaseOrTheConsumer(String body, String channel) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (!"DOWN".equals(answer.path("status").asText())) {
                return false;
            }
            return StreamSupport.stream(answer.path("checks").spliterator(), false)
                    .filter(check -> "DOWN".equals(check.path("status").asText())).anyMatch(check -> {
                        String name = check.path("name").asText().toLowerCase(Locale.ROOT);
                        String data = check.path("data").toString();
                        return Stream.of("database", "postgres", "datasource", "consumer").anyMatch(name::contains) || data.contains(channel);
                    });
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    /** Every contact's tie in graph-service and in advice-service's copy counts every interaction sent so far. */
    private void awaitProjected(ServiceProcess graph, ServiceProcess advice, Duration atMost) {
        Map<String, Integer> expected = Map.copyOf(sent);
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map.Entry<String, Integer> contact : expected.entrySet()) {
                io.passerelle.client.graph.model.Tie tie = ServiceApis.answer(() -> system.graphApi(graph).ties().getTie(contact.getKey(), OWNER, null));
                assertThat(tie.getInteractionCount()).as("graph-service's interactionCount of %s", contact.getKey())
                        .isEqualTo(contact.getValue().longValue());
            }
            AdviceExport export = ServiceApis.answer(() -> system.adviceApi(advice).export().exportOwnerAdvice(OWNER));
            Map<String, Integer> copied = export.getTies().stream().collect(Collectors.toMap(Tie::getContactId,
                    tie -> tie.getInteractionCount().intValue()));
            assertThat(copied).as("advice-service's copy of the ties (its export)").containsAllEntriesOf(expected);
        });
    }

    private static List<String> recommendedContacts(ServiceProcess advice) {
        return ServiceApis.answer(() -> system.adviceApi(advice).recommendations().listRecommendations(OBJECTIVE, OWNER, 10)).getItems()
                .stream().map(Recommendation::getContactId).toList();
    }

    private static void putContact(ServiceProcess ingestion, String contact) throws ApiException {
        String name = Character.toUpperCase(contact.charAt(0)) + contact.substring(1);
        accepted(system.ingestionApi(ingestion).contacts().putContactWithHttpInfo(contact, OWNER, new Contact()
                .displayName(name + " Software").company(name + " SAS").role("Engineer").sector("Software").origin(Origin.EVENT)
                .location(new Location().city("Paris").country("FR"))));
    }

    // Meetings a month ago and before: someone met last week is in conversation with the owner already,
    // and advice-service recommends nobody the owner is talking with.
    private void sendInteractions(ServiceProcess ingestion, String contact, int count) throws ApiException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            int number = sent.merge(contact, 1, Integer::sum);
            accepted(system.ingestionApi(ingestion).interactions().recordInteractionWithHttpInfo(OWNER, new Interaction()
                    .interactionId(contact + "-" + number).contactId(contact).occurredAt(now.minus(Duration.ofDays(30 + number)).atOffset(ZoneOffset.UTC))
                    .channel(Channel.MEETING).direction(Direction.MUTUAL).source(Source.MANUAL)));
        }
    }

    // ---- The environment of each service.

    private static Map<String, String> settings() {
        if (PRODUCTION_DEFAULTS) {
            return Map.of();
        }
        return Map.of("PASSERELLE_DATABASE_STALL_TIMEOUT", quarkusDuration(DATABASE_STALL_TIMEOUT),
                "PASSERELLE_CONSUMER_MAX_BACKOFF", quarkusDuration(CONSUMER_MAX_BACKOFF));
    }

    private static Map<String, String> graphSettings() {
        return withSettings(Map.of("MP_MESSAGING_INCOMING_INGESTED_EVENTS_SESSION_TIMEOUT_MS", Long.toString(SESSION_TIMEOUT.toMillis()),
                "MP_MESSAGING_INCOMING_INGESTED_EVENTS_MAX_POLL_INTERVAL_MS", Long.toString(MAX_POLL_INTERVAL.toMillis())));
    }

    private static Map<String, String> adviceSettings() {
        return withSettings(Map.of("MP_MESSAGING_INCOMING_ADVICE_INPUTS_SESSION_TIMEOUT_MS", Long.toString(SESSION_TIMEOUT.toMillis()),
                "MP_MESSAGING_INCOMING_ADVICE_INPUTS_MAX_POLL_INTERVAL_MS", Long.toString(MAX_POLL_INTERVAL.toMillis()),
                "ADVICE_WEBHOOKS_LEASE", quarkusDuration(WEBHOOKS_LEASE),
                // advice-service refuses a lease that is not longer than an attempt's timeout (10 s unless set).
                "ADVICE_WEBHOOKS_TIMEOUT", quarkusDuration(WEBHOOKS_LEASE.dividedBy(2))));
    }

    private static Map<String, String> withSettings(Map<String, String> own) {
        if (PRODUCTION_DEFAULTS) {
            return Map.of();
        }
        Map<String, String> environment = new LinkedHashMap<>(settings());
        environment.putAll(own);
        return environment;
    }

    /** {@code 5s}, {@code 1500ms}, {@code 2m}, a bare number of seconds, or ISO-8601 ({@code PT5S}). */
    private static Duration durationProperty(String name, String defaultValue) {
        String value = System.getProperty(name, defaultValue).trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    /** Quarkus's own duration syntax: whole seconds as {@code 5s}, else milliseconds. */
    private static String quarkusDuration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static Duration until(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    private static void accepted(ApiResponse<?> response) {
        assertThat(response.getStatusCode()).isEqualTo(202);
    }
}
