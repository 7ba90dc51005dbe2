package io.passerelle.endtoend;

import io.passerelle.localstack.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Polls {@code /q/health/live} and {@code /q/health/ready} of some services on a schedule, as an
 * orchestrator's probes would, and keeps every answer (or the lack of one) for the test to judge
 * afterwards.
 */
final class HealthWatch implements AutoCloseable {
    enum Probe {
        LIVE("/q/health/live"), READY("/q/health/ready");

        final String path;

        Probe(String path) {
            this.path = path;
        }
    }

    /** What one poll saw: {@code status} is the HTTP status, or -1 when no answer came within the probe's timeout. */
    record Observation(ServiceProcess service, Probe probe, Instant sentAt, Instant answeredAt, int status, String body) {
        boolean answered() {
            return status > 0;
        }
    }

    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Observation> observations = new CopyOnWriteArrayList<>();
    private final List<ScheduledFuture<?>> polls = new ArrayList<>();

    /**
     * @param interval the pause between the end of one poll and the next, per service and probe
     * @param timeout how long a poll waits for its answer before counting it as none
     */
    HealthWatch(ScheduledExecutorService scheduler, Duration interval, Duration timeout) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Starts polling both probes of each service; the scheduler needs a thread per service and probe, as a hung poll holds its thread. */
    synchronized HealthWatch watch(List<ServiceProcess> services) {
        for (ServiceProcess service : services) {
            for (Probe probe : Probe.values()) {
                polls.add(scheduler.scheduleWithFixedDelay(() -> poll(service, probe), 0, interval.toMillis(), TimeUnit.MILLISECONDS));
            }
        }
        return this;
    }

    private void poll(ServiceProcess service, Probe probe) {
        HttpRequest request = HttpRequest.newBuilder(service.baseUri().resolve(probe.path)).timeout(timeout).GET().build();
        Instant sentAt = Instant.now();
        int status;
        String body;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException e) {
            status = -1;
            body = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        observations.add(new Observation(service, probe, sentAt, Instant.now(), status, body));
    }

    /** Every observation of {@code probe} on {@code service} so far, in the order they were answered. */
    List<Observation> of(ServiceProcess service, Probe probe) {
        return observations.stream().filter(o -> o.service() == service && o.probe() == probe).toList();
    }

    /**
     * The observations of {@code probe} on {@code service} as runs of the same status, times relative
     * to {@code origin}: {@code "200 ×12 [-1.2s, 14.0s]; 503 ×20 [14.5s, 40.1s]"}.
     */
    String timeline(ServiceProcess service, Probe probe, Instant origin) {
        List<String> runs = new ArrayList<>();
        List<Observation> seen = of(service, probe);
        int i = 0;
        while (i < seen.size()) {
            int j = i;
            while (j + 1 < seen.size() && seen.get(j + 1).status() == seen.get(i).status()) {
                j++;
            }
            String status = seen.get(i).answered() ? Integer.toString(seen.get(i).status()) : "no answer";
            runs.add(status + " ×" + (j - i + 1) + " [" + seconds(origin, seen.get(i).answeredAt()) + ", "
                    + seconds(origin, seen.get(j).answeredAt()) + "]");
            i = j + 1;
        }
        return service.name() + " " + probe.path + ": " + (runs.isEmpty() ? "never polled" : String.join("; ", runs));
    }

    private static String seconds(Instant origin, Instant at) {
        return String.format(java.util.Locale.ROOT, "%+.1fs", Duration.between(origin, at).toMillis() / 1000.0);
    }

    /** For each status other than 200 that {@code probe} on {@code service} answered, the first body, on one line. */
    String firstOtherThanOk(ServiceProcess service, Probe probe) {
        Map<Integer, String> first = new LinkedHashMap<>();
        of(service, probe).stream().filter(o -> o.status() != 200)
                .forEach(o -> first.putIfAbsent(o.status(), o.body().replaceAll("\\s+", " ")));
        return first.isEmpty() ? "none" : first.entrySet().stream()
                .map(e -> (e.getKey() > 0 ? e.getKey().toString() : "no answer") + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Stops polling; a poll in flight is interrupted. */
    @Override
    public synchronized void close() {
        polls.forEach(poll -> poll.cancel(true));
    }
}
